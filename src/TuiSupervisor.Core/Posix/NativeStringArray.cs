using System.Runtime.InteropServices;
using System.Text;

namespace TuiSupervisor.Core.Posix;

/// <summary>A NULL-terminated array of NUL-terminated UTF-8 strings in native memory: argv and envp for posix_spawn.</summary>
internal sealed unsafe class NativeStringArray : IDisposable
{
    private readonly int _count;

    public NativeStringArray(IReadOnlyList<string> values)
    {
        _count = values.Count;
        Pointer = (byte**)NativeMemory.AllocZeroed((nuint)(_count + 1), (nuint)sizeof(byte*));
        for (int i = 0; i < _count; i++)
        {
            int length = Encoding.UTF8.GetByteCount(values[i]);
            byte* text = (byte*)NativeMemory.Alloc((nuint)length + 1);
            Encoding.UTF8.GetBytes(values[i], new Span<byte>(text, length));
            text[length] = 0;
            Pointer[i] = text;
        }
    }

    public byte** Pointer { get; }

    public void Dispose()
    {
        for (int i = 0; i < _count; i++)
        {
            NativeMemory.Free(Pointer[i]);
        }
        NativeMemory.Free(Pointer);
    }
}
