using TuiSupervisor.Core.Commands;
using TuiSupervisor.Core.Control;
using TuiSupervisor.Terminal;

namespace TuiSupervisor.Tui;

/// <summary>
/// Start, stop, restart, reload and the <c>:</c> palette, all as the shell's own command lines
/// through <see cref="CommandInterpreter"/>, so a key does exactly what its line does in the
/// shell and says so in the same words. They run off the UI thread; the answer comes back as
/// a footer message.
/// </summary>
internal sealed partial class SupervisorScreen
{
    private static readonly TimeSpan MessageLifetime = TimeSpan.FromSeconds(10);
    private long _messageShownAt;

    /// <summary>Runs <paramref name="verb"/> on the selected row; on several processes it asks first when <paramref name="confirm"/>.</summary>
    private void Act(string verb, bool confirm)
    {
        if (SelectedRow is not { } row || _app is not { } app)
            return;
        var line = $"{verb} {row.Target}";
        if (confirm && row.Targets.Count > 1)
        {
            ConfirmDialog.Show(app, char.ToUpperInvariant(verb[0]) + verb[1..], $"{char.ToUpperInvariant(verb[0]) + verb[1..]} the {row.Targets.Count} processes of {row.Group}?\n({line})", yes =>
            {
                if (yes)
                    Run(line);
            }, _theme);
            return;
        }

        Run(line);
    }

    /// <summary>Shows what a reload would change (supervisorctl's <c>reread</c>), and applies it when the operator agrees.</summary>
    private void Reload()
    {
        ShowMessage("reading the config…");
        RunThen("reread", output =>
        {
            if (output.ExitCode != 0)
            {
                ShowOutput("reload: the config has errors; nothing changes", output.Lines);
                return;
            }

            if (output.Lines is [] or ["No config updates to processes"] || _app is null)
            {
                ShowMessage("No config updates to processes");
                return;
            }

            ConfirmDialog.Show(_app, "Reload", string.Join('\n', output.Lines) + "\n\nApply these changes?", yes =>
            {
                if (yes)
                    Run("update");
                else
                    ShowMessage("nothing changed");
            }, _theme);
        });
    }

    /// <summary>Runs a line as the shell would and shows its answer: in the footer, or in a box when it is long.</summary>
    private void Run(string line)
    {
        ShowMessage(line + " …");
        RunThen(line, output =>
        {
            if (output.Lines.Count > 3 || output.Lines.Any(l => l.Length > Frame.Width - 20))
                ShowOutput(line, output.Lines);
            else
                ShowMessage(output.Lines.Count == 0 ? line + ": done" : string.Join("; ", output.Lines), error: output.ExitCode is not (ExitCodes.Success or ExitCodes.NotRunning));
        });
    }

    private void RunThen(string line, Action<CommandOutput> then) => _ = Task.Run(async () =>
    {
        CommandOutput output;
        try
        {
            output = await _interpreter.RunAsync(line).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ControlUnavailableException or InvalidOperationException)
        {
            output = CommandOutput.Line($"{line}: {e.Message}", ExitCodes.ActionFailed);
        }

        _app?.Post(() =>
        {
            then(output);
            _app.Invalidate();
        });
    });

    /// <summary>A long answer in a scrollable box (the help overlay's, with the line as its one section).</summary>
    private void ShowOutput(string line, IReadOnlyList<string> lines)
    {
        if (_app is not { } app)
            return;
        HelpOverlay? box = null;
        box = new HelpOverlay("Esc closes", [(line, lines.Select(l => ("", l)))], () => app.CloseOverlay(box!), _theme);
        app.ShowOverlay(box);
    }

    private void ShowMessage(string text, bool error = false)
    {
        _footer.Message = text;
        _footer.MessageRole = error ? ThemeRoles.Error : Themes.TuiRoles.Message;
        _messageShownAt = _time.GetTimestamp();
        _app?.Invalidate();
    }

    /// <summary>Messages fade after a while, so an old answer is not taken for a new one.</summary>
    private void ExpireMessage()
    {
        if (_footer.Message.Length > 0 && _time.GetElapsedTime(_messageShownAt) > MessageLifetime)
            _footer.Message = "";
    }
}
