using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Behaviours;
using TrustFund.Application.Data;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Hosting;

/// <summary>
/// Every form post of a signed-in person that carries an idempotency key (IdempotencyKeyTagHelper) gets one effect and
/// one answer, however often it arrives: the first post runs, and its command claims the key in its own transaction
/// (IdempotentPost); after the answer is written, its status, address and confirmation are stored with the key for a
/// day. A later post with the same key and the same fields finds the key claimed as soon as its command starts, does
/// nothing, and gets that answer again; one that arrives while the first is still running waits for it. Anonymous posts (sign-in, registration) and the autosave
/// (which is an idempotent upsert and keeps no key) run as they are.
/// </summary>
public sealed class IdempotentPostFilter(TrustFundDbContext db, IdempotentPost post, ITempDataDictionaryFactory tempData,
    IStringLocalizer<SharedResource> text, ILogger<IdempotentPostFilter> log) : IAsyncPageFilter, IAsyncResultFilter
{
    /// <summary>How long a retry waits for the first post's answer before answering "already sent" itself.</summary>
    private static readonly TimeSpan WaitForFirstAnswer = TimeSpan.FromSeconds(10);

    public const string AlreadySent = "This form had already been sent: it was not done a second time.";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var key = KeyOf(context.HttpContext);
        if (key is null)
        {
            await next();
            return;
        }
        var ct = context.HttpContext.RequestAborted;
        // Not looked up first: a first post (nearly every post) would pay a statement for nothing. A retry finds the key
        // claimed when its command starts (PostAlreadyDoneException) and is answered here with the first answer.
        post.Key = key;
        var executed = await next();
        if (executed.Exception is PostAlreadyDoneException)
        {
            // Another post's answer follows its commit; this request's own lost commit has no answer to wait for.
            var answer = post.ClaimedInAnEarlierAttempt ? null : await WaitForAnswerAsync(key, ct);
            executed.Result = Replay(context.HttpContext, answer);
            executed.ExceptionHandled = true;
        }
    }

    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        await next();
        if (!post.Claimed || post.Key is not { } key) return;
        var response = context.HttpContext.Response;
        var location = response.Headers.Location.ToString();
        var message = tempData.GetTempData(context.HttpContext).Peek("Message") as string;
        // The person gets the answer first: the change is committed, and storing its answer is only for a retry, which
        // waits for it (WaitForAnswerAsync). Completing the response here spares every kept post one round trip of waiting.
        await response.CompleteAsync();
        try
        {
            // Not the request's token: the change is committed, and its answer is stored even if the client has gone.
            await db.Database.ExecuteSqlAsync($"""
                UPDATE form_answers SET status_code = {response.StatusCode}, location = {(location.Length > 0 ? location : null)},
                    message = {message}
                WHERE user_id = {key.UserId} AND key = {key.Key} AND fingerprint = {key.Fingerprint}
                """, CancellationToken.None);
        }
        catch (Exception e) when (e is DbUpdateException or Npgsql.NpgsqlException or InvalidOperationException)
        {
            // The change is done and answered; a retry then gets "already sent" instead of this answer.
            log.LogWarning(e, "The answer to an idempotent post could not be stored");
        }
    }

    /// <summary>The post's key, or null when the post is not to be kept (no key, not signed in, not a form).</summary>
    private static IdempotentPost.PostKey? KeyOf(HttpContext http)
    {
        var request = http.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType) return null;
        if (!Guid.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)) return null;
        if (!Guid.TryParse(request.Form[IdempotencyKeyTagHelper.FieldName], out var key)) return null;
        return new(userId, key, Fingerprint(request));
    }

    /// <summary>The post's address and fields (not the tokens), so a retry matches and an edited form does not.</summary>
    private static string Fingerprint(HttpRequest request)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string value)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(value));
            hash.AppendData([0]);
        }
        Add(request.Path + request.QueryString);
        foreach (var field in request.Form.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (field.Key is IdempotencyKeyTagHelper.FieldName or "__RequestVerificationToken") continue;
            Add(field.Key);
            foreach (var value in field.Value) Add(value ?? "");
        }
        foreach (var file in request.Form.Files) Add($"{file.Name}:{file.FileName}:{file.Length}");
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private async Task<Answer?> AnswerOf(IdempotentPost.PostKey key, CancellationToken ct) =>
        await db.FormAnswers.AsNoTracking()
            .Where(a => a.UserId == key.UserId && a.Key == key.Key && a.Fingerprint == key.Fingerprint && a.StatusCode != null)
            .Select(a => new Answer(a.StatusCode!.Value, a.Location, a.Message))
            .SingleOrDefaultAsync(ct);

    /// <summary>The first post committed its change a moment ago; its answer follows as soon as it is written.</summary>
    private async Task<Answer?> WaitForAnswerAsync(IdempotentPost.PostKey key, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if (await AnswerOf(key, ct) is { } answer) return answer;
            if (waited.Elapsed > WaitForFirstAnswer) return null;
            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }
    }

    /// <summary>
    /// The first answer again: the same redirect with the same confirmation. An answer that was not a redirect (a page
    /// rendered after the change), or one never stored, leads back to the page as it now is, saying it was done once.
    /// </summary>
    /// <remarks>
    /// Why a page answered 200 is not replayed word for word: every form here answers a done change with a redirect
    /// (post/redirect/get), whose address and confirmation are stored and replayed exactly. The one page answered after
    /// a change is the API token's, which shows the token's secret once and marks itself no-store: storing that page
    /// for a day to replay it would keep the secret in the database, which the token's design refuses. A retry of it is
    /// better led to the list, where the token stands (to be revoked and made again if its secret was missed), than
    /// given a copy of the secret. No form with a key answers JSON (the autosave is a versioned upsert and carries none).
    /// </remarks>
    private IActionResult Replay(HttpContext http, Answer? first)
    {
        var messages = tempData.GetTempData(http);
        if (first is { Location: { } location } && first.StatusCode is >= 300 and < 400)
        {
            if (first.Message is not null) messages["Message"] = first.Message;
            return new RedirectResult(location);
        }
        messages["Message"] = text[AlreadySent].Value;
        // The page itself, not the post's handler: a GET naming a handler that only posts would run no handler and show
        // the page without its contents.
        var query = QueryString.Create(http.Request.Query.Where(q => !q.Key.Equals("handler", StringComparison.OrdinalIgnoreCase)));
        return new RedirectResult(http.Request.PathBase + http.Request.Path + query);
    }

    private sealed record Answer(int StatusCode, string? Location, string? Message);
}
