using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Xml.Linq;

namespace TuiSupervisor.Bench.Subjects;

/// <summary>
/// supervisord's XML-RPC interface over its unix socket, as supervisorctl uses it, minus the
/// Python start-up that would dominate every poll.
/// </summary>
internal sealed class XmlRpcClient : IDisposable
{
    private readonly HttpClient _http;

    public XmlRpcClient(string socketPath)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _http = new HttpClient(handler) { BaseAddress = new Uri("http://localhost/"), Timeout = TimeSpan.FromMinutes(5) };
    }

    /// <summary>Calls a method without parameters; the result's structs, each as member name → text.</summary>
    public async Task<IReadOnlyList<Dictionary<string, string>>> CallAsync(string method)
    {
        using var content = new StringContent($"<?xml version=\"1.0\"?><methodCall><methodName>{method}</methodName><params/></methodCall>", Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/xml");
        using var response = await _http.PostAsync(new Uri("RPC2", UriKind.Relative), content).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
        if (document.Descendants("fault").Any())
            throw new InvalidOperationException($"{method} failed: {document}");
        return [.. document.Descendants("struct").Select(s => s.Elements("member").ToDictionary(
            m => m.Element("name")!.Value,
            m => m.Element("value")!.Value))];
    }

    /// <summary>As <see cref="CallAsync"/>, but null while nothing listens on the socket yet.</summary>
    public async Task<IReadOnlyList<Dictionary<string, string>>?> TryCallAsync(string method)
    {
        try
        {
            return await CallAsync(method).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    public void Dispose() => _http.Dispose();
}
