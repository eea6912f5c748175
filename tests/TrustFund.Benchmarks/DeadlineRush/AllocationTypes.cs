using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

/// <summary>
/// What the rush allocates, by type (RUSH_ALLOCATIONS=1): the runtime reports an allocation tick about every 100 KB
/// allocated, naming the type of the object that crossed it, so the counts are a sample proportional to the bytes.
/// </summary>
public sealed class AllocationTypes : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> bytesByType = new();
    private volatile bool recording;

    public void Start() => recording = true;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!recording || !e.EventName!.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null) return;
        var type = e.PayloadNames!.IndexOf("TypeName") is >= 0 and var t ? e.Payload[t] as string ?? "?" : "?";
        var amount = e.PayloadNames.IndexOf("AllocationAmount64") is >= 0 and var a ? Convert.ToInt64(e.Payload[a]) : 100_000;
        bytesByType.AddOrUpdate(type, amount, (_, sum) => sum + amount);
    }

    public void Print(int top = 25)
    {
        var total = bytesByType.Values.Sum();
        Console.WriteLine($"allocated by type (sampled every ~100 KB, {total / 1048576} MiB seen):");
        foreach (var (type, bytes) in bytesByType.OrderByDescending(x => x.Value).Take(top))
            Console.WriteLine($"  {100.0 * bytes / total,5:F1}%  {bytes / 1048576,6} MiB  {type}");
    }
}
