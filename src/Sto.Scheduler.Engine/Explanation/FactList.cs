using System.Collections.Immutable;
using System.Globalization;
using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Explanation;

/// <summary>Collects the ordered facts of one reason, formatting every value with the invariant culture.</summary>
internal sealed class FactList
{
    private readonly ImmutableArray<ExplanationFact>.Builder _facts = ImmutableArray.CreateBuilder<ExplanationFact>();

    public FactList Add(string key, string value)
    {
        _facts.Add(new ExplanationFact(key, value));
        return this;
    }

    public FactList Add(string key, int value) => Add(key, value.ToString(CultureInfo.InvariantCulture));

    public FactList Add(string key, bool value) => Add(key, value ? "true" : "false");

    public FactList Add(string key, Week value) => Add(key, value.ToString());

    public FactList Add(string key, TimeOnly value) => Add(key, value.ToString("HH:mm", CultureInfo.InvariantCulture));

    public ExplanationReason Reason(string code, string subject) => new(code, subject, _facts.ToImmutable());
}
