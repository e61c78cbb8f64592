using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;
using static System.FormattableString;

namespace Sto.Scheduler.Engine.Validation;

public static partial class ProblemValidator
{
    /// <summary>The problem, the ids known in it, and the issues found so far.</summary>
    private sealed class Context
    {
        private readonly Lazy<CandidateFilter> _candidates;

        public Context(SchedulingProblem problem)
        {
            Problem = problem;
            Afternoon = problem.Afternoon ?? new CommonAfternoon();
            Rules = problem.Rules ?? new RegionRules();
            PeriodWeeks = [.. problem.Weeks.NullToEmpty().Where(w => w.IsValid)];
            SchoolIds = KnownIds(problem.Schools, s => s.Id.Value);
            VenueIds = KnownIds(problem.Venues, v => v.Id.Value);
            KitIds = KnownIds(problem.Kits, k => k.Id.Value);
            SiteIds = [.. SchoolIds.Concat(VenueIds)];
            Offers = [];
            foreach (var offer in problem.Offers.NullToEmpty())
            {
                if (offer is not null && !string.IsNullOrEmpty(offer.Id.Value))
                {
                    Offers.TryAdd(offer.Id.Value, offer);
                }
            }

            OfferIds = [.. Offers.Keys];

            _candidates = new Lazy<CandidateFilter>(() => BuildCandidateFilter(problem, Afternoon, Rules));
        }

        public SchedulingProblem Problem { get; }

        /// <summary>The afternoon, or the default one when it is missing (reported once).</summary>
        public CommonAfternoon Afternoon { get; }

        /// <summary>The rules, or the default ones when they are missing (reported once).</summary>
        public RegionRules Rules { get; }

        /// <summary>The valid weeks of the period.</summary>
        public HashSet<Week> PeriodWeeks { get; }

        public HashSet<string> SchoolIds { get; }

        public HashSet<string> VenueIds { get; }

        public HashSet<string> KitIds { get; }

        public HashSet<string> OfferIds { get; }

        /// <summary>School and venue ids: the sites staff start from and travel legs join.</summary>
        public HashSet<string> SiteIds { get; }

        /// <summary>Offers by id; the first of duplicates wins, as in <see cref="ProblemIndex"/>.</summary>
        public Dictionary<string, ElectiveOffer> Offers { get; }

        /// <summary>The shared candidate rules, built on first use from a null-free copy of the problem.</summary>
        public CandidateFilter Candidates => _candidates.Value;

        public ImmutableArray<ValidationIssue>.Builder Issues { get; } = ImmutableArray.CreateBuilder<ValidationIssue>();

        /// <summary>Adds an issue; the message starts with a capital whatever noun it opens with.</summary>
        public void Add(string path, string code, string message) =>
            Issues.Add(new ValidationIssue(path, code, message.Length == 0 ? message : char.ToUpperInvariant(message[0]) + message[1..]));

        /// <summary>The non-null entries with their index and path; reports each null entry.</summary>
        public IEnumerable<(T Item, string Path)> Entries<T>(ImmutableArray<T> items, string path)
            where T : class
        {
            var list = items.NullToEmpty();
            for (var i = 0; i < list.Length; i++)
            {
                var itemPath = Invariant($"{path}[{i}]");
                if (list[i] is { } item)
                {
                    yield return (item, itemPath);
                }
                else
                {
                    Add(itemPath, IssueCodes.NullEntry, Invariant($"Entry {i} of {path} is empty (null)."));
                }
            }
        }

        private static HashSet<string> KnownIds<T>(ImmutableArray<T> items, Func<T, string?> id)
            where T : class
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in items.NullToEmpty())
            {
                if (item is not null && id(item) is { Length: > 0 } value)
                {
                    ids.Add(value);
                }
            }

            return ids;
        }

        private static CandidateFilter BuildCandidateFilter(SchedulingProblem problem, CommonAfternoon afternoon, RegionRules rules)
        {
            // ProblemIndex tolerates duplicates and default arrays but not null entries or null nested records.
            var clean = problem with
            {
                Afternoon = afternoon,
                Rules = rules with { Travel = rules.Travel ?? new TravelModel(), Objective = rules.Objective ?? new ObjectiveSettings() },
                Weeks = problem.Weeks.NullToEmpty(),
                Schools = NonNull(problem.Schools),
                Venues = NonNull(problem.Venues),
                Offers = NonNull(problem.Offers),
                Staff = NonNull(problem.Staff),
                Pupils = NonNull(problem.Pupils),
                Kits = NonNull(problem.Kits),
                TravelLegs = [.. NonNull(problem.TravelLegs).Where(l => l.From is not null && l.To is not null)],
            };
            return new CandidateFilter(clean, ProblemIndex.Build(clean));
        }

        private static ImmutableArray<T> NonNull<T>(ImmutableArray<T> items)
            where T : class => [.. items.NullToEmpty().Where(item => item is not null)];
    }
}
