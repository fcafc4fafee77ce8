using System.Buffers;
using System.Text;

namespace TuiSupervisor.Terminal;

/// <summary>
/// Turns the bytes a terminal sends into <see cref="InputEvent"/>s: an explicit state machine
/// (normal, escape, CSI, SS3, bracketed paste, the two mouse encodings) that never blocks.
/// </summary>
/// <remarks>
/// <para>
/// A lone ESC is ambiguous: it is the Escape key, or the start of a sequence whose rest is still
/// in flight. The decoder keeps it pending; the owner calls <see cref="FlushExpired"/> when
/// <see cref="PendingTimeout"/> has passed (the application arms a <see cref="TimeProvider"/>
/// timer), and bytes arriving after the timeout also settle it first, so a slow loop cannot turn
/// Escape followed by <c>x</c> into Alt-x. ESC followed at once by a key that starts no
/// sequence is Alt+that key.
/// </para>
/// <para>
/// A length guard drops a CSI sequence longer than <see cref="MaxSequenceLength"/> bytes (the
/// rest of it up to its final byte is discarded), and a paste keeps at most
/// <see cref="MaxPasteBytes"/>. Not thread-safe: one reader decodes.
/// </para>
/// </remarks>
public sealed partial class InputDecoder(TimeProvider timeProvider, TimeSpan escapeTimeout)
{
    public const int MaxSequenceLength = 32;
    public const int MaxPasteBytes = 1 << 20;

    private static readonly byte[] PasteEnd = "\e[201~"u8.ToArray();

    private readonly byte[] _sequence = new byte[MaxSequenceLength];
    private readonly byte[] _utf8 = new byte[4];
    private readonly ArrayBufferWriter<byte> _paste = new();
    private DecoderState _state;
    private int _sequenceLength;
    private int _utf8Length;
    private int _utf8Needed;
    private int _pasteMatched;
    private int _x10Remaining;
    private bool _alt;
    private long _pendingSince;

    public InputDecoder(TimeProvider timeProvider)
        : this(timeProvider, TimeSpan.FromMilliseconds(50))
    {
    }

    private enum DecoderState
    {
        Normal,
        Escape,
        Csi,
        CsiIgnore,
        Ss3,
        X10Mouse,
        Paste,
    }

    /// <summary>How long a lone ESC (or a sequence cut short) waits for more bytes.</summary>
    public TimeSpan EscapeTimeout { get; } = escapeTimeout;

    /// <summary>Whether bytes are held waiting for the rest of a sequence that a timeout would settle.</summary>
    public bool HasPending => _state is DecoderState.Escape or DecoderState.Csi or DecoderState.CsiIgnore or DecoderState.Ss3 or DecoderState.X10Mouse || _utf8Needed > 0;

    /// <summary>How long until <see cref="FlushExpired"/> settles what is pending; null when nothing is.</summary>
    public TimeSpan? PendingTimeout
    {
        get
        {
            if (!HasPending)
                return null;
            var left = EscapeTimeout - timeProvider.GetElapsedTime(_pendingSince);
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <summary>Decodes <paramref name="data"/>, adding the events it completes to <paramref name="events"/>.</summary>
    public void Decode(ReadOnlySpan<byte> data, List<InputEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (data.IsEmpty)
            return;
        FlushExpired(events);
        foreach (var b in data)
            Step(b, events);
    }

    /// <summary>Decodes <paramref name="data"/> into a new list (for tests and simple callers).</summary>
    public List<InputEvent> Decode(ReadOnlySpan<byte> data)
    {
        var events = new List<InputEvent>();
        Decode(data, events);
        return events;
    }

    /// <summary>Settles what is pending if its timeout has passed: a lone ESC becomes the Escape key.</summary>
    public void FlushExpired(List<InputEvent> events)
    {
        if (HasPending && timeProvider.GetElapsedTime(_pendingSince) >= EscapeTimeout)
            Flush(events);
    }

    /// <summary>Settles what is pending now, whatever the time.</summary>
    public void Flush(List<InputEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (_utf8Needed > 0)
        {
            _utf8Needed = 0;
            EmitChar(Rune.ReplacementChar, events);
        }

        switch (_state)
        {
            case DecoderState.Escape:
                _state = DecoderState.Normal;
                Emit(KeyEvent.Named(Key.Escape), events);
                break;
            case DecoderState.Csi when _sequenceLength == 0:
                _state = DecoderState.Normal;
                Emit(new KeyEvent(Key.Char, new Rune('['), Modifiers.Alt), events);
                break;
            case DecoderState.Ss3:
                _state = DecoderState.Normal;
                Emit(new KeyEvent(Key.Char, new Rune('O'), Modifiers.Alt), events);
                break;
            case DecoderState.Csi or DecoderState.CsiIgnore or DecoderState.X10Mouse:
                _state = DecoderState.Normal; // A sequence cut short is garbage: dropped.
                _alt = false;
                break;
        }
    }

    private void Step(byte b, List<InputEvent> events)
    {
        switch (_state)
        {
            case DecoderState.Normal:
                Normal(b, events);
                break;
            case DecoderState.Escape:
                AfterEscape(b, events);
                break;
            case DecoderState.Csi:
                InCsi(b, events);
                break;
            case DecoderState.CsiIgnore:
                if (b is >= 0x40 and <= 0x7e)
                    _state = DecoderState.Normal;
                else if (b == 0x1b)
                    StartEscape();
                break;
            case DecoderState.Ss3:
                _state = DecoderState.Normal;
                Ss3(b, events);
                break;
            case DecoderState.X10Mouse:
                _sequence[_sequenceLength++] = b;
                if (--_x10Remaining == 0)
                {
                    _state = DecoderState.Normal;
                    X10Mouse(events);
                }

                break;
            case DecoderState.Paste:
                InPaste(b, events);
                break;
        }
    }

    private void Normal(byte b, List<InputEvent> events)
    {
        if (_utf8Needed > 0)
        {
            if ((b & 0xc0) == 0x80)
            {
                _utf8[_utf8Length++] = b;
                if (--_utf8Needed == 0)
                {
                    var status = Rune.DecodeFromUtf8(_utf8.AsSpan(0, _utf8Length), out var rune, out _);
                    EmitChar(status == OperationStatus.Done ? rune : Rune.ReplacementChar, events);
                }

                return;
            }

            _utf8Needed = 0;
            EmitChar(Rune.ReplacementChar, events);
        }

        switch (b)
        {
            case 0x1b:
                StartEscape();
                return;
            case (byte)'\r' or (byte)'\n':
                Emit(KeyEvent.Named(Key.Enter), events);
                return;
            case (byte)'\t':
                Emit(KeyEvent.Named(Key.Tab), events);
                return;
            case 0x7f or 0x08:
                Emit(KeyEvent.Named(Key.Backspace), events);
                return;
            case 0:
                Emit(new KeyEvent(Key.Char, new Rune(' '), Modifiers.Ctrl), events);
                return;
            case < 0x1b:
                Emit(new KeyEvent(Key.Char, new Rune('a' + b - 1), Modifiers.Ctrl), events);
                return;
            case < 0x20:
                Emit(new KeyEvent(Key.Char, new Rune("\\]^_"[b - 0x1c]), Modifiers.Ctrl), events);
                return;
            case < 0x80:
                EmitChar(new Rune(b), events);
                return;
        }

        _utf8Needed = b >= 0xf0 && b < 0xf5 ? 3 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xc2 && b < 0xe0 ? 1 : 0;
        if (_utf8Needed == 0)
        {
            EmitChar(Rune.ReplacementChar, events);
            return;
        }

        _utf8[0] = b;
        _utf8Length = 1;
        _pendingSince = timeProvider.GetTimestamp();
    }

    private void StartEscape()
    {
        _state = DecoderState.Escape;
        _pendingSince = timeProvider.GetTimestamp();
    }

    private void AfterEscape(byte b, List<InputEvent> events)
    {
        switch (b)
        {
            case (byte)'[':
                _state = DecoderState.Csi;
                _sequenceLength = 0;
                return;
            case (byte)'O':
                _state = DecoderState.Ss3;
                return;
            case 0x1b:
                Emit(KeyEvent.Named(Key.Escape), events);
                StartEscape();
                return;
            default:
                _state = DecoderState.Normal;
                _alt = true;
                Normal(b, events);
                return;
        }
    }

    private void InCsi(byte b, List<InputEvent> events)
    {
        if (b is >= 0x40 and <= 0x7e)
        {
            _state = DecoderState.Normal;
            DispatchCsi((char)b, _sequence.AsSpan(0, _sequenceLength), events);
            return;
        }

        if (b < 0x20)
        {
            // A control inside a sequence cuts it short (ECMA-48 would execute it): start over with it.
            _state = DecoderState.Normal;
            _alt = false;
            Normal(b, events);
            return;
        }

        if (_sequenceLength == MaxSequenceLength)
        {
            _state = DecoderState.CsiIgnore;
            return;
        }

        _sequence[_sequenceLength++] = b;
    }

    private void InPaste(byte b, List<InputEvent> events)
    {
        if (b == PasteEnd[_pasteMatched])
        {
            if (++_pasteMatched < PasteEnd.Length)
                return;
            _pasteMatched = 0;
            _state = DecoderState.Normal;
            var text = Encoding.UTF8.GetString(_paste.WrittenSpan).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
            _paste.ResetWrittenCount();
            events.Add(new PasteEvent(text));
            return;
        }

        if (_pasteMatched > 0)
        {
            AppendPaste(PasteEnd.AsSpan(0, _pasteMatched));
            _pasteMatched = 0;
            InPaste(b, events);
            return;
        }

        AppendPaste([b]);
    }

    private void AppendPaste(ReadOnlySpan<byte> bytes)
    {
        var room = MaxPasteBytes - _paste.WrittenCount;
        if (room > 0)
            _paste.Write(bytes[..Math.Min(room, bytes.Length)]);
    }

    private void EmitChar(Rune rune, List<InputEvent> events) => Emit(new KeyEvent(Key.Char, rune), events);

    private void Emit(KeyEvent key, List<InputEvent> events)
    {
        if (_alt)
        {
            key = key with { Modifiers = key.Modifiers | Modifiers.Alt };
            _alt = false;
        }

        events.Add(key);
    }
}
