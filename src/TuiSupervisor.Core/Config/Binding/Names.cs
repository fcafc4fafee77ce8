namespace TuiSupervisor.Core.Config.Binding;

/// <summary>What a program, group or process name may contain, so that it works in commands and targets.</summary>
internal static class Names
{
    /// <summary>
    /// Names appear in <c>GROUP:PROCESS</c> targets, log file names and shell commands, so the
    /// characters that have a meaning there are refused.
    /// </summary>
    public static bool IsValid(string name, out string problem)
    {
        problem = "";
        if (name.Length == 0)
        {
            problem = "is empty";
            return false;
        }

        var bad = name.FirstOrDefault(c => c is ':' or '/' or '*' or '\\' || char.IsWhiteSpace(c) || char.IsControl(c));
        if (bad == default)
            return true;
        problem = $"may not contain {(char.IsWhiteSpace(bad) || char.IsControl(bad) ? $"U+{(int)bad:X4}" : $"'{bad}'")}: use letters, digits, '-', '_' or '.'";
        return false;
    }
}
