using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Baselines;

/// <summary>
/// The shared resources of the greedy pass, per week: venue seats (H7), lending-lab kits (H10) and which staff
/// member is already with a group (H9). Slots are flat arrays indexed by resource × week.
/// </summary>
internal sealed class GreedyLedger
{
    private readonly int[] _venueCapacity;
    private readonly int[] _venueUsed;
    private readonly int[] _kitCapacity;
    private readonly int[] _kitUsed;
    private readonly StaffPost?[] _staffPost;

    public GreedyLedger(
        IReadOnlyList<Week> weeks,
        IReadOnlyList<Venue> venues,
        IReadOnlyList<EquipmentKit> kits,
        int staffCount)
    {
        WeekCount = weeks.Count;
        _venueCapacity = new int[venues.Count * WeekCount];
        _venueUsed = new int[_venueCapacity.Length];
        for (var v = 0; v < venues.Count; v++)
        {
            for (var w = 0; w < WeekCount; w++)
            {
                _venueCapacity[(v * WeekCount) + w] = venues[v].CapacityIn(weeks[w]);
            }
        }

        _kitCapacity = new int[kits.Count * WeekCount];
        _kitUsed = new int[_kitCapacity.Length];
        for (var k = 0; k < kits.Count; k++)
        {
            Array.Fill(_kitCapacity, Math.Max(0, kits[k].Count), k * WeekCount, WeekCount);
        }

        _staffPost = new StaffPost?[staffCount * WeekCount];
    }

    public int WeekCount { get; }

    public int Slot(int resource, int weekSlot) => resource < 0 ? -1 : (resource * WeekCount) + weekSlot;

    public bool VenueHasRoom(int slot, int pupils) => slot >= 0 && _venueUsed[slot] + pupils <= _venueCapacity[slot];

    public void UseVenue(int slot, int pupils) => _venueUsed[slot] += pupils;

    public bool KitsLeft(int slot, int count) => count <= 0 || (slot >= 0 && _kitUsed[slot] + count <= _kitCapacity[slot]);

    public void UseKits(int slot, int count)
    {
        if (slot >= 0)
        {
            _kitUsed[slot] += count;
        }
    }

    public bool IsStaffBusy(int staff, int weekSlot) => _staffPost[(staff * WeekCount) + weekSlot] is not null;

    /// <summary>The group and meeting the staff member is with that week; null when free.</summary>
    public StaffPost? PostOf(int staff, int weekSlot) => _staffPost[(staff * WeekCount) + weekSlot];

    public void Occupy(int staff, int weekSlot, StaffPost post) => _staffPost[(staff * WeekCount) + weekSlot] = post;

    public void Release(int staff, int weekSlot) => _staffPost[(staff * WeekCount) + weekSlot] = null;

    /// <summary>Whether one more pupil fits in every venue the offer uses in that week.</summary>
    public bool VenuesHaveRoom(GreedyMeeting meeting, int pupils)
    {
        foreach (var slot in meeting.VenueSlots)
        {
            if (!VenueHasRoom(slot, pupils))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether one more group of the offer finds its kits in that week.</summary>
    public bool KitsLeftFor(GreedyMeeting meeting)
    {
        foreach (var (slot, count) in meeting.KitSlots)
        {
            if (!KitsLeft(slot, count))
            {
                return false;
            }
        }

        return true;
    }

    public void UseVenues(GreedyMeeting meeting, int pupils)
    {
        foreach (var slot in meeting.VenueSlots)
        {
            UseVenue(slot, pupils);
        }
    }

    public void UseKitsFor(GreedyMeeting meeting, int groups)
    {
        foreach (var (slot, count) in meeting.KitSlots)
        {
            UseKits(slot, count * groups);
        }
    }
}

/// <summary>Where a staff member works in a week: the offer's group and the index of the meeting.</summary>
internal sealed record StaffPost(GreedyOffer Offer, GreedyGroup Group, int Meeting);
