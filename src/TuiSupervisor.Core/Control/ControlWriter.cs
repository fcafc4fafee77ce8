using System.Text.Json.Serialization;

namespace TuiSupervisor.Core.Control;

/// <summary>
/// Requests and replies as they are written: the same JSON as <see cref="ControlJson"/> (whose
/// options it repeats), generated as a serialization-only fast path. A one-shot client (<c>ctl</c>)
/// then writes its request, and the engine its replies, without building the serializer's
/// property metadata, whose generic code the JIT would compile first.
/// </summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Serialization,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(ControlRequest))]
[JsonSerializable(typeof(ControlReply))]
internal sealed partial class ControlWriter : JsonSerializerContext;
