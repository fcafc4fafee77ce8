using System.Net;

namespace TuiSupervisor.Core.Health;

/// <summary>
/// The engine's one HTTP client for http checks, made at the first check. Why not at start-up:
/// creating it (or merely naming it in a field type such as <c>Lazy&lt;HttpClient&gt;</c>) loads
/// the HTTP stack's assemblies, which cost every engine start about 10 ms, checks or not.
/// </summary>
internal sealed class HealthCheckHttp : IDisposable
{
    private readonly Lock _gate = new();
    private HttpClient? _client;

    /// <summary>
    /// Health checks talk to local services: no proxy from the environment, and a redirect is an
    /// answer in itself (the spec counts any 3xx as healthy).
    /// </summary>
    public HttpClient Client
    {
        get
        {
            lock (_gate)
            {
                return _client ??= new HttpClient(new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseProxy = false,
                    UseCookies = false,
                    AutomaticDecompression = DecompressionMethods.None,
                })
                {
                    Timeout = Timeout.InfiniteTimeSpan,
                };
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
            _client?.Dispose();
    }
}
