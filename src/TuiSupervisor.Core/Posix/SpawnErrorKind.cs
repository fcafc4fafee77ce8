namespace TuiSupervisor.Core.Posix;

/// <summary>Why a spawn failed, in the classes supervisord distinguishes.</summary>
internal enum SpawnErrorKind
{
    /// <summary>The command does not exist (absolute path or PATH search).</summary>
    NoSuchFile,

    /// <summary>The command exists but cannot be executed (directory, no execute bit, no permission, bad format).</summary>
    NotExecutable,

    /// <summary>The working directory cannot be entered.</summary>
    BadDirectory,

    /// <summary>Anything else, e.g. the process ran out of file descriptors.</summary>
    Other,
}
