using System.Text.Json.Serialization;

namespace TuiSupervisor.Core.Control;

/// <summary>
/// The protocol's JSON, generated at build time (no reflection, trimming-safe): camelCase names,
/// enums as their names, absent values left out.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    AllowTrailingCommas = false)]
[JsonSerializable(typeof(ControlRequest))]
[JsonSerializable(typeof(ControlReply))]
[JsonSerializable(typeof(IReadOnlyList<ProcessStatus>))]
public sealed partial class ControlJson : JsonSerializerContext;
