using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.DemoData;

/// <summary>Venues with capacities that follow the offers using them, and the lending lab's kits.</summary>
internal sealed partial class DemoProblemBuilder
{
    private static readonly (string Id, string Name, string[] Themes)[] KitTypes =
    [
        ("kit-drones", "Dronekit (uitleenlab)", ["MVI-DRONE", "MT-ELEKTRO", "MVI-GAME"]),
        ("kit-robotica", "Roboticakit (uitleenlab)", ["DP-ROBOTICA", "PIE-WOONKANT", "MT-ELEKTRO"]),
        ("kit-zonne-energie", "Zonne-energiekit (uitleenlab)", ["PIE-DUURZEN", "MT-ELVOERT", "PIE-UTILINST"]),
    ];

    /// <summary>
    /// Workshops hold about 85 % of the seats of the offers meeting there in their busiest week (never less than one
    /// offer), so venue capacity can bind; hotspots keep their own small capacity and hosting weeks.
    /// </summary>
    private void AddVenues()
    {
        foreach (var school in _schools)
        {
            var id = Workshop(school.Id);
            var capacity = Capacity(id);
            if (capacity > 0)
            {
                _venues.Add(new Venue
                {
                    Id = id,
                    Name = $"Werkplaatsen {school.Name}",
                    Kind = VenueKind.SchoolWorkshop,
                    Location = school.Location,
                    Address = school.Address,
                    School = school.Id,
                    WeeklyPupilCapacity = capacity,
                });
            }
        }

        foreach (var site in _externalSites)
        {
            _venues.Add(new Venue
            {
                Id = site.Id,
                Name = site.Name,
                Kind = site.Kind,
                Location = site.Location,
                Address = site.Address,
                WeeklyPupilCapacity = Math.Max(Capacity(site.Id), 16),
            });
        }

        _venues.AddRange(_hotspots.Select(h => h.Venue));
    }

    private int Capacity(VenueId venue)
    {
        var users = _offers.Where(o => o.Sessions.Any(s => s.Venue == venue)).ToList();
        if (users.Count == 0)
        {
            return 0;
        }

        var busiest = _weeks.Max(week => users.Where(o => o.Sessions.Any(s => s.Week == week && s.Venue == venue)).Sum(o => o.TotalSeats));
        return Math.Max(users.Max(o => o.TotalSeats), (int)Math.Round(0.85 * busiest));
    }

    /// <summary>A few offers per kit type need one kit per running group; there are fewer kits than such groups.</summary>
    private void AddKits()
    {
        foreach (var (id, name, themes) in KitTypes.Take(_p.KitTypeCount))
        {
            var kit = new KitId(id);
            var wanted = Math.Clamp(_offers.Count / 25, 2, 8);
            var free = Enumerable.Range(0, _offers.Count).Where(i => _offers[i].Kits.IsEmpty).ToList();
            var users = _random.Shuffled(free.Where(i => themes.Contains(_offers[i].ElectiveCode))).Take(wanted).ToList();
            users.AddRange(_random.Shuffled(free.Where(i => !users.Contains(i) && _offers[i].IsTechnical)).Take(Math.Max(0, 2 - users.Count)));
            if (users.Count == 0)
            {
                continue;
            }

            var groups = 0;
            foreach (var i in users)
            {
                _offers[i] = _offers[i] with { Kits = [new KitNeed { Kit = kit, CountPerGroup = 1 }] };
                groups += _offers[i].MaxParallelGroups;
            }

            _kits.Add(new EquipmentKit { Id = kit, Name = name, Count = Math.Max(1, (int)Math.Round(groups * 0.6)) });
        }
    }
}
