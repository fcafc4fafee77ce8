using TuiSupervisor.Core.Config.Binding;

namespace TuiSupervisor.Core.Config.Ini;

/// <summary>
/// Reads a supervisord config and the files its <c>[include]</c> names, as supervisord 4.2 does:
/// only the main file's <c>[include]</c> counts (included files do not include further);
/// <c>files</c> is split on whitespace into glob patterns relative to the main file's folder; each
/// pattern's matches are read in sorted order, and a pattern that matches nothing is a warning.
/// <c>%(here)s</c> in a value means the folder of the file the value was written in.
/// </summary>
internal static class IniFiles
{
    /// <summary>Python's glob by default; tests pass their own to keep the host's files out.</summary>
    public static IniDocument Read(
        string fullPath,
        string displayName,
        BindingContext context,
        Func<string, IReadOnlyList<string>> glob,
        IniDiagnostics diagnostics)
    {
        var document = new IniDocument();
        if (!TryParse(fullPath, displayName, document, diagnostics, out var error))
        {
            diagnostics.Error(new IniPlace(displayName, 0, 0), error);
            return document;
        }

        if (document.Find("include") is not { } include)
            return document;
        ExpandHere(document, displayName, Path.GetDirectoryName(fullPath)!);
        if (include.Find("files") is not { } files)
        {
            diagnostics.Error(include.Place, "[include] has no 'files' key: name the files to include, e.g. files = conf.d/*.conf");
            return document;
        }

        var names = context.BaseExpansions();
        names["here"] = Path.GetDirectoryName(fullPath)!;
        if (!IniExpander.TryExpand(files.Value, names, out var patterns, out error))
        {
            diagnostics.Error(files.ValuePlace, $"'files' in [include]: {error}");
            return document;
        }

        var mainFolder = Path.GetDirectoryName(fullPath)!;
        var read = new HashSet<string>(StringComparer.Ordinal) { fullPath };
        foreach (var pattern in patterns.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var absolute = Path.Combine(mainFolder, pattern);
            var matches = glob(absolute);
            if (matches.Count == 0)
            {
                diagnostics.Warning(files.ValuePlace, $"no file matches the include pattern \"{absolute}\"");
                continue;
            }

            foreach (var match in matches.Order(StringComparer.Ordinal))
            {
                var name = DisplayName(match, mainFolder, displayName);
                if (!TryParse(match, name, document, diagnostics, out error, keepComments: read.Add(Path.GetFullPath(match))))
                    diagnostics.Warning(files.ValuePlace, error);
                else
                    ExpandHere(document, name, Path.GetDirectoryName(match)!);
            }
        }

        return document;
    }

    private static bool TryParse(string path, string displayName, IniDocument document, IniDiagnostics diagnostics, out string error, bool keepComments = true)
    {
        error = "";
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"cannot read the config file {displayName}: {e.Message}";
            return false;
        }

        new IniParser(document, diagnostics, displayName, keepComments).Parse(text);
        return true;
    }

    /// <summary>supervisord replaces <c>%(here)s</c> as text in each file's values once the file is read.</summary>
    private static void ExpandHere(IniDocument document, string file, string folder)
    {
        foreach (var entry in document.Sections.Prepend(document.Defaults).OfType<IniSection>().SelectMany(s => s.Entries))
        {
            if (entry.Place.File == file)
                entry.Value = entry.Value.Replace("%(here)s", folder, StringComparison.Ordinal);
        }
    }

    /// <summary>An included file named as the user would find it: beside the main file's name when inside its folder.</summary>
    private static string DisplayName(string path, string mainFolder, string mainDisplayName)
    {
        var relative = Path.GetRelativePath(mainFolder, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? path
            : Path.Combine(Path.GetDirectoryName(mainDisplayName) ?? "", relative);
    }
}
