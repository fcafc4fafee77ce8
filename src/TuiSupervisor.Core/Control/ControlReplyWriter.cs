using System.Text.Json.Serialization;

namespace TuiSupervisor.Core.Control;

/// <summary>Replies as the engine writes them (see <see cref="ControlWire"/>); the options repeat <see cref="ControlJson"/>'s.</summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Serialization,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(ControlReply))]
internal sealed partial class ControlReplyWriter : JsonSerializerContext;
