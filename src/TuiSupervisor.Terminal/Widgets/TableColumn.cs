namespace TuiSupervisor.Terminal;

/// <summary>
/// A table column: its header, the width it wants, the least it accepts when space is short,
/// how its cells align, and its share (<paramref name="Flex"/>) of the width left over.
/// </summary>
public sealed record TableColumn(string Header, int Width, int MinWidth = 1, TextAlignment Alignment = TextAlignment.Left, int Flex = 0);
