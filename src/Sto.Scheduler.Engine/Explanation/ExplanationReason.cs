using System.Collections.Immutable;
using System.Globalization;

namespace Sto.Scheduler.Engine.Explanation;

/// <summary>
/// Why something happened, as data: a code of <see cref="ExplanationCodes"/>, the subject it is about (an offer id)
/// and the facts that make it concrete, in a fixed order. <see cref="ExplanationText"/> turns it into a sentence.
/// </summary>
public sealed record ExplanationReason(string Code, string Subject, ImmutableArray<ExplanationFact> Facts)
{
    /// <summary>The value of the fact with this key, or null.</summary>
    public string? Fact(string key)
    {
        foreach (var fact in Facts.IsDefault ? [] : Facts)
        {
            if (fact.Key == key)
            {
                return fact.Value;
            }
        }

        return null;
    }

    /// <summary>The fact as an integer, or null when absent or not a number.</summary>
    public int? IntFact(string key) =>
        int.TryParse(Fact(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
