namespace TuiSupervisor.Core.Tests.Logging;

/// <summary>
/// Tests that measure the process's allocations run alone, after the parallel ones, so no other
/// test's garbage is counted against them.
/// </summary>
[CollectionDefinition(nameof(MemoryMeasurement), DisableParallelization = true)]
public sealed class MemoryMeasurement;
