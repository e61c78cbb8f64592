using System.Runtime.CompilerServices;

namespace Sto.Scheduler.Client.Paging;

/// <summary>Turns a List RPC with <c>page_token</c>/<c>next_page_token</c> (AIP-158) into an <see cref="IAsyncEnumerable{T}"/>.</summary>
public static class PageEnumerator
{
    /// <summary>
    /// Fetches the first page with an empty token, yields its items, and follows <c>next_page_token</c> until it is
    /// empty. Pages are fetched lazily, one at a time, as the caller enumerates.
    /// </summary>
    /// <param name="fetchPage">Calls the List RPC with the given page token.</param>
    /// <param name="items">The items of a response.</param>
    /// <param name="nextPageToken">The <c>next_page_token</c> of a response.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <exception cref="InvalidOperationException">The server returned the same page token twice in a row.</exception>
    public static async IAsyncEnumerable<TItem> EnumerateAsync<TResponse, TItem>(
        Func<string, CancellationToken, Task<TResponse>> fetchPage,
        Func<TResponse, IEnumerable<TItem>> items,
        Func<TResponse, string> nextPageToken,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(nextPageToken);
        var token = "";
        do
        {
            var page = await fetchPage(token, cancellationToken).ConfigureAwait(false);
            foreach (var item in items(page))
            {
                yield return item;
            }

            var next = nextPageToken(page) ?? "";
            if (next.Length > 0 && next == token)
            {
                throw new InvalidOperationException($"The server returned page token '{next}' twice; stopping instead of looping.");
            }

            token = next;
        }
        while (token.Length > 0);
    }
}
