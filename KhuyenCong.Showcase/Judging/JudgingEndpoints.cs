using System.Security.Claims;
using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Common;

namespace KhuyenCong.Showcase.Judging;

public static class JudgingEndpoints
{
    public static IEndpointRouteBuilder MapJudgingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var rounds = endpoints.MapGroup("/rounds/{id:guid}").RequireAuthorization();
        rounds.MapGet("/bien-ban.pdf", (Guid id, HttpContext context, AccountService accounts, JudgingService judging, CancellationToken ct) =>
            Run(context, accounts, async actor => TypedResults.File((await judging.MinutesAsync(actor, id, ct)).Pdf, "application/pdf", "bien-ban-tong-hop.pdf"), ct));
        rounds.MapGet("/diem-so.json", (Guid id, HttpContext context, AccountService accounts, JudgingService judging, CancellationToken ct) =>
            Run(context, accounts, async actor => TypedResults.File((await judging.MinutesAsync(actor, id, ct)).ScoresJson, "application/json", "diem-so.json"), ct));
        rounds.MapGet("/phieu-cham/{judgeId}.pdf", (Guid id, string judgeId, HttpContext context, AccountService accounts, JudgingService judging, CancellationToken ct) =>
            Run(context, accounts, async actor => TypedResults.File(await judging.JudgeSheetsAsync(actor, id, judgeId, ct), "application/pdf", "phieu-cham-diem.pdf"), ct));
        return endpoints;
    }

    private static async Task<IResult> Run(HttpContext context, AccountService accounts, Func<UserScope, Task<IResult>> action, CancellationToken ct)
    {
        var actor = await accounts.ScopeForAsync(context.User.FindFirstValue(ClaimTypes.NameIdentifier), ct);
        try
        {
            return await action(actor);
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }
        catch (DomainException e)
        {
            return TypedResults.Text(e.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }
    }
}
