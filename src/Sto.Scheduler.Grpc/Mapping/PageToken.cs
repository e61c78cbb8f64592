using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Sto.Scheduler.Grpc.Errors;

namespace Sto.Scheduler.Grpc.Mapping;

/// <summary>Opaque, URL-safe page tokens bound to the parent they were issued for (AIP-158).</summary>
public static class PageToken
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static string Encode(string parent, int offset) =>
        WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes($"{parent}\n{offset.ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>The (offset, page size) of a request; every problem becomes a violation.</summary>
    public static (int Offset, int PageSize) Decode(string parent, string token, int pageSize, FieldViolations violations)
    {
        if (pageSize < 0)
        {
            violations.Add("page_size", "Must not be negative.");
        }

        var size = pageSize == 0 ? DefaultPageSize : Math.Min(pageSize, MaxPageSize);
        if (string.IsNullOrEmpty(token))
        {
            return (0, size);
        }

        try
        {
            var text = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
            var cut = text.LastIndexOf('\n');
            if (cut > 0 && text[..cut] == parent
                && int.TryParse(text[(cut + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return (offset, size);
            }
        }
        catch (FormatException)
        {
        }

        violations.Add("page_token", "Not a token from an earlier call with this parent.");
        return (0, size);
    }
}
