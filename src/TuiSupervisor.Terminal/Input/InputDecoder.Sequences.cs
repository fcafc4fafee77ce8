using System.Text;

namespace TuiSupervisor.Terminal;

/// <summary>What the complete CSI and SS3 sequences mean.</summary>
public sealed partial class InputDecoder
{
    private const int MaxParameters = 8;

    private void DispatchCsi(char final, ReadOnlySpan<byte> body, List<InputEvent> events)
    {
        var marker = body.Length > 0 && body[0] is (byte)'<' or (byte)'?' or (byte)'>' or (byte)'=' ? (char)body[0] : '\0';
        Span<int> values = stackalloc int[MaxParameters];
        var count = ParseParameters(marker == '\0' ? body : body[1..], values);
        var parameters = values[..count];
        var first = count > 0 ? parameters[0] : 0;
        var modifiers = ModifiersFrom(count > 1 ? parameters[1] : 1);

        if (marker == '<')
        {
            if (final is 'M' or 'm' && count >= 3)
                SgrMouse(parameters[0], parameters[1], parameters[2], final == 'm', events);
            _alt = false;
            return;
        }

        if (marker != '\0')
        {
            _alt = false; // Replies (device attributes, modes) are not input.
            return;
        }

        Key? key = final switch
        {
            'A' => Key.Up,
            'B' => Key.Down,
            'C' => Key.Right,
            'D' => Key.Left,
            'H' => Key.Home,
            'F' => Key.End,
            'Z' => Key.BackTab,
            'P' => Key.F1,
            'Q' => Key.F2,
            'S' => Key.F4,
            'R' when count < 2 || parameters[0] == 1 => Key.F3, // CSI row;col R is a cursor report.
            '~' => TildeKey(first),
            _ => null,
        };

        if (final == '~' && first == 200)
        {
            _state = DecoderState.Paste;
            _pasteMatched = 0;
            _paste.ResetWrittenCount();
            _alt = false;
            return;
        }

        if (final == 'M' && count == 0)
        {
            _state = DecoderState.X10Mouse;
            _x10Remaining = 3;
            _sequenceLength = 0;
            return;
        }

        if (final == 'u' && count >= 1)
        {
            CsiU(parameters[0], modifiers, events);
            return;
        }

        if (key is { } named)
        {
            if (named == Key.BackTab)
                modifiers &= ~Modifiers.Shift;
            Emit(KeyEvent.Named(named, modifiers), events);
        }
        else
        {
            _alt = false;
        }
    }

    private static Key? TildeKey(int code) => code switch
    {
        1 or 7 => Key.Home,
        2 => Key.Insert,
        3 => Key.Delete,
        4 or 8 => Key.End,
        5 => Key.PageUp,
        6 => Key.PageDown,
        >= 11 and <= 15 => Key.F1 + (code - 11),
        >= 17 and <= 21 => Key.F6 + (code - 17),
        23 => Key.F11,
        24 => Key.F12,
        _ => null,
    };

    private void Ss3(byte b, List<InputEvent> events)
    {
        Key? key = (char)b switch
        {
            'A' => Key.Up,
            'B' => Key.Down,
            'C' => Key.Right,
            'D' => Key.Left,
            'H' => Key.Home,
            'F' => Key.End,
            'P' => Key.F1,
            'Q' => Key.F2,
            'R' => Key.F3,
            'S' => Key.F4,
            'M' => Key.Enter,
            _ => null,
        };
        if (key is { } named)
            Emit(KeyEvent.Named(named), events);
        else
            _alt = false;
    }

    /// <summary>The "CSI u" encoding (fixterms, kitty): a Unicode code point and modifiers.</summary>
    private void CsiU(int code, Modifiers modifiers, List<InputEvent> events)
    {
        var key = code switch
        {
            13 => KeyEvent.Named(Key.Enter, modifiers),
            9 => modifiers.HasFlag(Modifiers.Shift) ? KeyEvent.Named(Key.BackTab, modifiers & ~Modifiers.Shift) : KeyEvent.Named(Key.Tab, modifiers),
            27 => KeyEvent.Named(Key.Escape, modifiers),
            127 or 8 => KeyEvent.Named(Key.Backspace, modifiers),
            _ when Rune.IsValid(code) && code >= 0x20 => new KeyEvent(Key.Char, new Rune(code), modifiers & ~Modifiers.Shift),
            _ => null,
        };
        if (key is not null)
            Emit(key, events);
        else
            _alt = false;
    }

    private void SgrMouse(int code, int x, int y, bool release, List<InputEvent> events)
    {
        _alt = false;
        var modifiers = MouseModifiers(code);
        MouseAction action;
        var button = MouseButton.None;
        if ((code & 64) != 0)
        {
            if ((code & 3) > 1)
                return; // Horizontal wheel: nothing scrolls sideways by mouse here.
            action = (code & 1) == 0 ? MouseAction.WheelUp : MouseAction.WheelDown;
        }
        else
        {
            button = (code & 3) switch
            {
                0 => MouseButton.Left,
                1 => MouseButton.Middle,
                2 => MouseButton.Right,
                _ => MouseButton.None,
            };
            action = release ? MouseAction.Release
                : (code & 32) != 0 ? (button == MouseButton.None ? MouseAction.Move : MouseAction.Drag)
                : MouseAction.Press;
        }

        events.Add(new MouseEvent(action, button, Math.Max(0, x - 1), Math.Max(0, y - 1), modifiers));
    }

    /// <summary>The legacy encoding (CSI M and three bytes offset by 32), for terminals without mode 1006.</summary>
    private void X10Mouse(List<InputEvent> events)
    {
        var code = _sequence[0] - 32;
        var x = _sequence[1] - 32;
        var y = _sequence[2] - 32;
        if ((code & 64) == 0 && (code & 3) == 3)
            events.Add(new MouseEvent(MouseAction.Release, MouseButton.None, Math.Max(0, x - 1), Math.Max(0, y - 1), MouseModifiers(code)));
        else
            SgrMouse(code, x, y, release: false, events);
    }

    private static Modifiers MouseModifiers(int code) =>
        ((code & 4) != 0 ? Modifiers.Shift : Modifiers.None)
        | ((code & 8) != 0 ? Modifiers.Alt : Modifiers.None)
        | ((code & 16) != 0 ? Modifiers.Ctrl : Modifiers.None);

    /// <summary>xterm's modifier parameter: 1 + (1 Shift, 2 Alt, 4 Ctrl, 8 Meta).</summary>
    private static Modifiers ModifiersFrom(int parameter)
    {
        var bits = Math.Max(0, parameter - 1);
        return ((bits & 1) != 0 ? Modifiers.Shift : Modifiers.None)
            | ((bits & 10) != 0 ? Modifiers.Alt : Modifiers.None)
            | ((bits & 4) != 0 ? Modifiers.Ctrl : Modifiers.None);
    }

    /// <summary>Numbers separated by ';' (a ':' sub-parameter is skipped); an empty one is 0.</summary>
    private static int ParseParameters(ReadOnlySpan<byte> body, Span<int> values)
    {
        if (body.IsEmpty)
            return 0;
        var count = 0;
        var current = 0;
        var inSub = false;
        foreach (var b in body)
        {
            if (b == ';')
            {
                if (count < values.Length)
                    values[count++] = current;
                current = 0;
                inSub = false;
            }
            else if (b == ':')
            {
                inSub = true;
            }
            else if (b is >= (byte)'0' and <= (byte)'9' && !inSub)
            {
                current = Math.Min((current * 10) + (b - '0'), 1_000_000);
            }
        }

        if (count < values.Length)
            values[count++] = current;
        return count;
    }
}
