namespace Sto.Scheduler.Engine.Modeling;

/// <summary>Union-find over 0..n−1 with path halving: which items are linked, directly or through others.</summary>
internal sealed class DisjointSets(int count)
{
    private readonly int[] _parent = Enumerable.Range(0, count).ToArray();

    /// <summary>The representative of <paramref name="item"/>'s set.</summary>
    public int Find(int item)
    {
        while (_parent[item] != item)
        {
            _parent[item] = _parent[_parent[item]];
            item = _parent[item];
        }

        return item;
    }

    public void Union(int a, int b) => _parent[Find(a)] = Find(b);
}
