using KhuyenCong.Showcase.Accounts;

namespace KhuyenCong.Showcase.Judging;

public static class JudgingEndpoints
{
    public static IEndpointRouteBuilder MapJudgingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var rounds = endpoints.MapGroup("/rounds/{id:guid}").RequireAuthorization();
        rounds.MapGet("/bien-ban.pdf", (Guid id, HttpContext context, AccountService accounts, ResultsService judging) =>
            EndpointGuard.RunAsync(context, accounts, async (actor, ct) =>
                TypedResults.File(await judging.MinutesPdfAsync(actor, id, ct), "application/pdf", "bien-ban-tong-hop.pdf")));
        rounds.MapGet("/diem-so.json", (Guid id, HttpContext context, AccountService accounts, ResultsService judging) =>
            EndpointGuard.RunAsync(context, accounts, async (actor, ct) =>
                TypedResults.File(await judging.ScoresFileAsync(actor, id, ct), "application/json", "diem-so.json")));
        rounds.MapGet("/phieu-cham/{judgeId}.pdf", (Guid id, string judgeId, HttpContext context, AccountService accounts, ScoringService judging) =>
            EndpointGuard.RunAsync(context, accounts, async (actor, ct) =>
                TypedResults.File(await judging.JudgeSheetsAsync(actor, id, judgeId, ct), "application/pdf", "phieu-cham-diem.pdf")));
        return endpoints;
    }
}
