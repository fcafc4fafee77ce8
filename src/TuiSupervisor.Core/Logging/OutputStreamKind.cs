namespace TuiSupervisor.Core.Logging;

/// <summary>Which output of a child a log belongs to; the lower-case name appears in AUTO file names.</summary>
internal enum OutputStreamKind
{
    Stdout,
    Stderr,
}
