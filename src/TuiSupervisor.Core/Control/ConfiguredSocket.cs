using System.Text;
using System.Text.RegularExpressions;
using TuiSupervisor.Core.Config;
using TuiSupervisor.Core.Config.Binding;
using TuiSupervisor.Core.Config.Values;
using TuiSupervisor.Toml;

namespace TuiSupervisor.Core.Control;

/// <summary>
/// <c>[supervisor] socket</c> read from a config file on its own, for a client whose copy of the
/// config does not validate: the file was edited with an error while the engine runs on the good
/// one, or it expands <c>%(ENV_X)s</c> from an environment only the engine has. The key is read
/// as the binder reads it (expanded, relative to the file's folder), and nothing else is checked.
/// </summary>
internal static partial class ConfiguredSocket
{
    /// <summary>The socket the file names, or null when it names none that can be read (INI files never do).</summary>
    public static string? Read(string configPath)
    {
        if (ConfigLoader.IsIni(configPath))
            return null;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(configPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var written = TomlDocument.TryParse(bytes, out var root, out _) ? FromDocument(root) : FromLines(Encoding.UTF8.GetString(bytes));
        if (written is null)
            return null;
        var context = BindingContext.ForProcess(Path.GetDirectoryName(Path.GetFullPath(configPath))!);
        return Expansion.TryExpand(written, context.BaseExpansions(), out var expanded, out _) ? context.Resolve(expanded) : null;
    }

    private static string? FromDocument(TomlTable root) =>
        root.TryGetEntry("supervisor", out var supervisor) && supervisor.Value is TomlTable table
        && table.TryGetEntry("socket", out var socket) && socket.Value is TomlString path
            ? path.Value
            : null;

    /// <summary>
    /// A file with a syntax error elsewhere still usually has a plain <c>socket = "…"</c> line in
    /// its <c>[supervisor]</c> table; anything fancier (escapes, dotted keys) is left to the default.
    /// </summary>
    private static string? FromLines(string text)
    {
        var inSupervisor = false;
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith('['))
                inSupervisor = TableHeader().IsMatch(trimmed);
            else if (inSupervisor && SocketLine().Match(trimmed) is { Success: true } match)
                return match.Groups["basic"].Success ? match.Groups["basic"].Value : match.Groups["literal"].Value;
        }

        return null;
    }

    [GeneratedRegex("""^\[\s*supervisor\s*\]\s*(#.*)?$""")]
    private static partial Regex TableHeader();

    [GeneratedRegex("""^socket\s*=\s*(?:"(?<basic>[^"\\]*)"|'(?<literal>[^']*)')\s*(#.*)?$""")]
    private static partial Regex SocketLine();
}
