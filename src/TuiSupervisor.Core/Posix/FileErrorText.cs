using System.Text.RegularExpressions;

namespace TuiSupervisor.Core.Posix;

/// <summary>
/// Why a file could not be opened, read or written, in words an operator can act on. .NET's
/// messages repeat the path and say "Could not find a part of the path" both for a folder that is
/// missing and for a file standing where a folder should be; this says which, and where.
/// </summary>
internal static partial class FileErrorText
{
    /// <summary>The reason alone (the caller names the file): e.g. <c>/var/log/app is not a folder</c>.</summary>
    public static string Describe(string path, Exception error)
    {
        var full = Path.GetFullPath(path);
        return error switch
        {
            UnauthorizedAccessException when Directory.Exists(full) => "it is a folder, not a file",
            UnauthorizedAccessException => "permission denied",
            IOException when MissingPart(full) is { } missing => missing,
            DirectoryNotFoundException or FileNotFoundException => "no such file or folder",

            // "No space left on device : '/path'": the path is the caller's to say.
            _ => PathSuffix().Replace(error.Message, ""),
        };
    }

    /// <summary>Why <paramref name="folder"/> could not be created: <see cref="Describe"/>, or that a file has its name.</summary>
    public static string DescribeFolder(string folder, Exception error) =>
        File.Exists(folder) ? $"{folder} is a file, not a folder" : Describe(folder, error);

    /// <summary>The first folder on the way to <paramref name="full"/> that is missing or is not a folder.</summary>
    private static string? MissingPart(string full)
    {
        var folders = new List<string>();
        for (var folder = Path.GetDirectoryName(full); folder is not null; folder = Path.GetDirectoryName(folder))
            folders.Add(folder);
        foreach (var folder in Enumerable.Reverse(folders))
        {
            if (Directory.Exists(folder))
                continue;
            return File.Exists(folder) ? $"{folder} is not a folder" : $"folder {folder} does not exist";
        }

        return null;
    }

    [GeneratedRegex(@"\s*:\s*'[^']*'\.?$")]
    private static partial Regex PathSuffix();
}
