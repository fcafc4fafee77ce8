using TuiSupervisor.Core.Logging;

namespace TuiSupervisor.Core.Tests.Logging;

public class ByteRingTests
{
    [Fact]
    public void Random_appends_and_discards_keep_exactly_the_newest_bytes_of_a_simple_model()
    {
        var random = new Random(1234);
        var ring = new ByteRing(1000);
        var model = new List<byte>();
        byte next = 0;
        for (var step = 0; step < 2000; step++)
        {
            if (random.Next(8) == 0 && model.Count > 0)
            {
                var discard = random.Next(model.Count + 1);
                ring.Discard(discard);
                model.RemoveRange(0, discard);
            }
            else
            {
                var data = new byte[random.Next(step % 50 == 0 ? 1500 : 300)];
                foreach (ref var b in data.AsSpan())
                {
                    b = next++;
                }

                var expectedDrop = Math.Max(0, model.Count + data.Length - ring.Capacity);
                Assert.Equal(expectedDrop, ring.Append(data));
                model.AddRange(data);
                model.RemoveRange(0, model.Count - ring.Count);
            }

            Assert.Equal(Math.Min(model.Count, ring.Capacity), ring.Count);
            var skip = random.Next(ring.Count + 1);
            var copy = new byte[ring.Count - skip];
            ring.CopyTo(skip, copy);
            Assert.Equal(model[skip..].ToArray(), copy);
        }
    }

    [Fact]
    public void Release_forgets_everything()
    {
        var ring = new ByteRing(100);
        ring.Append(new byte[70]);
        ring.Release();
        Assert.Equal(0, ring.Count);
        Assert.Equal(0, ring.Append(new byte[30]));
        Assert.Equal(30, ring.Count);
    }
}
