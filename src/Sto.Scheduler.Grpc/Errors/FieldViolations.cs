using Google.Rpc;

namespace Sto.Scheduler.Grpc.Errors;

/// <summary>Collects every malformed field of a request so they are reported at once (one BadRequest).</summary>
public sealed class FieldViolations
{
    private readonly List<BadRequest.Types.FieldViolation> _items = [];

    public int Count => _items.Count;

    public IReadOnlyList<BadRequest.Types.FieldViolation> Items => _items;

    public void Add(string field, string description) =>
        _items.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });

    /// <summary>Throws INVALID_ARGUMENT (reason INVALID_FIELD) listing every violation, if any.</summary>
    public void ThrowIfAny()
    {
        if (_items.Count > 0)
        {
            throw RpcErrors.InvalidFields(_items, ErrorReasons.InvalidField);
        }
    }
}
