namespace TuiSupervisor.Terminal;

/// <summary>One footer entry: a key and what it does now (<c>s</c> start).</summary>
public readonly record struct KeyHint(string Key, string Label);
