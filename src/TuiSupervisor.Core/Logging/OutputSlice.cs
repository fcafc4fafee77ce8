namespace TuiSupervisor.Core.Logging;

/// <summary>
/// Bytes read from an <see cref="OutputRing"/>: <see cref="Bytes"/> starts at stream offset
/// <see cref="Offset"/>; <see cref="Dropped"/> bytes between the offset the reader asked for and
/// <see cref="Offset"/> were overwritten before it came back for them.
/// </summary>
internal readonly record struct OutputSlice(long Offset, long Dropped, ReadOnlyMemory<byte> Bytes)
{
    /// <summary>Where the next read continues.</summary>
    public long NextOffset => Offset + Bytes.Length;
}
