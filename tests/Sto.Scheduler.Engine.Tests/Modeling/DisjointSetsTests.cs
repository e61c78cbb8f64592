using Sto.Scheduler.Engine.Modeling;

namespace Sto.Scheduler.Engine.Tests.Modeling;

public sealed class DisjointSetsTests
{
    [Fact]
    public void Items_linked_through_others_share_a_set_and_the_rest_stay_apart()
    {
        var sets = new DisjointSets(5);

        sets.Union(0, 1);
        sets.Union(3, 1);

        Assert.Equal(sets.Find(0), sets.Find(3));
        Assert.NotEqual(sets.Find(0), sets.Find(2));
        Assert.NotEqual(sets.Find(2), sets.Find(4));
    }

    [Fact]
    public void An_item_outside_the_range_is_refused()
    {
        var sets = new DisjointSets(2);

        Assert.Throws<IndexOutOfRangeException>(() => sets.Find(2));
    }
}
