using TuiSupervisor.Core.Config.Binding;

namespace TuiSupervisor.Core.Config.Ini;

/// <summary>What <c>convert</c> produced: the TOML text when the INI config was valid, and every diagnostic of reading it.</summary>
public sealed record ConversionResult(string? Toml, IReadOnlyList<ConfigDiagnostic> Diagnostics);

/// <summary><c>tuisupervisor convert</c>: a supervisord config as the equivalent TOML config.</summary>
public static class IniConversion
{
    /// <summary>
    /// Reads <paramref name="iniPath"/> as the engine would and writes it as TOML meant for
    /// <paramref name="outputPath"/> (null: standard output, location unknown, so paths are made absolute).
    /// </summary>
    public static ConversionResult Convert(string iniPath, string? outputPath)
    {
        var fullPath = Path.GetFullPath(iniPath);
        var context = BindingContext.ForProcess(Path.GetDirectoryName(fullPath)!);
        var outputDirectory = outputPath is null ? null : Path.GetDirectoryName(Path.GetFullPath(outputPath));
        return Convert(fullPath, iniPath, outputDirectory, context, IniGlob.Match);
    }

    internal static ConversionResult Convert(string fullPath, string displayName, string? outputDirectory, BindingContext context, Func<string, IReadOnlyList<string>> glob)
    {
        if (!File.Exists(fullPath))
            return new ConversionResult(null, [new ConfigDiagnostic(DiagnosticSeverity.Error, displayName, 0, 0, "cannot read the config file: it does not exist")]);
        var diagnostics = new IniDiagnostics();
        var document = IniFiles.Read(fullPath, displayName, context, glob, diagnostics);
        var result = IniBinder.Bind(document, displayName, context, diagnostics);
        if (result.Config is not { } config)
            return new ConversionResult(null, result.Diagnostics);
        var toml = new IniToToml(document, config, fullPath, outputDirectory, context.Environment).Write();
        return new ConversionResult(toml, result.Diagnostics);
    }
}
