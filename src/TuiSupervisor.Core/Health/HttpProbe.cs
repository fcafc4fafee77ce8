using System.Globalization;
using System.Text;
using TuiSupervisor.Core.Config;

namespace TuiSupervisor.Core.Health;

/// <summary>An http check: a GET whose status is <c>expected_status</c> (default any 2xx or 3xx) and whose body holds <c>expected_body</c>.</summary>
internal static class HttpProbe
{
    /// <summary>Enough to find a marker in a health page; a bigger body is read no further.</summary>
    private const int MaxBody = 64 * 1024;

    public static async Task<(ProbeOutcome, string)> RunAsync(HealthCheckConfig check, HttpClient http, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(check.Url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var statusText = string.Create(CultureInfo.InvariantCulture, $"HTTP {status}");
        var statusOk = check.ExpectedStatus is { } expected ? status == expected : status is >= 200 and < 400;
        if (!statusOk)
        {
            var wanted = check.ExpectedStatus is { } e ? e.ToString(CultureInfo.InvariantCulture) : "2xx or 3xx";
            return (ProbeOutcome.Failed, $"{statusText}, expected {wanted}");
        }

        if (check.ExpectedBody is not { } marker)
            return (ProbeOutcome.Passed, statusText);
        var body = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        return body.Contains(marker, StringComparison.Ordinal)
            ? (ProbeOutcome.Passed, $"{statusText}, body has \"{marker}\"")
            : (ProbeOutcome.Failed, $"{statusText}, but the body lacks \"{marker}\": {Shorten(body)}");
    }

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[MaxBody];
            var filled = 0;
            int read;
            while (filled < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
                filled += read;
            return Encoding.UTF8.GetString(buffer, 0, filled);
        }
    }

    private static string Shorten(string body)
    {
        var line = body.ReplaceLineEndings(" ").Trim();
        return line.Length <= 200 ? line : line[..200] + "…";
    }
}
