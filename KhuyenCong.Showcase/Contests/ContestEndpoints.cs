using System.Security.Claims;
using System.Text;
using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Common;
using Microsoft.Net.Http.Headers;

namespace KhuyenCong.Showcase.Contests;

/// <summary>The contest's printed forms and exports. The services decide who may read them, as for media.</summary>
public static class ContestEndpoints
{
    private const string Pdf = "application/pdf";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string Csv = "text/csv; charset=utf-8";
    private const string Zip = "application/zip";

    public static IEndpointRouteBuilder MapContestEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/entries/{id:guid}/phieu-dang-ky.pdf", (Guid id, HttpContext context, AccountService accounts, EntryService entries) =>
            EntryFormAsync(id, context, accounts, entries, ContestDocuments.RegistrationForm, "phieu-dang-ky.pdf"));
        endpoints.MapGet("/entries/{id:guid}/ban-thuyet-minh.pdf", (Guid id, HttpContext context, AccountService accounts, EntryService entries) =>
            EntryFormAsync(id, context, accounts, entries, ContestDocuments.DescriptionForm, "ban-thuyet-minh.pdf"));

        endpoints.MapGet("/rounds/{id:guid}/entries.xlsx", (Guid id, HttpContext context, AccountService accounts, RoundService rounds, EntryService entries) =>
            RoundFileAsync(id, context, accounts, rounds, async (actor, round, ct) =>
                TypedResults.File(await entries.ExportAsync(actor, id, xlsx: true, ct), Xlsx, $"ho-so-{round.Code}.xlsx")));
        endpoints.MapGet("/rounds/{id:guid}/entries.csv", (Guid id, HttpContext context, AccountService accounts, RoundService rounds, EntryService entries) =>
            RoundFileAsync(id, context, accounts, rounds, async (actor, round, ct) =>
                TypedResults.File(await entries.ExportAsync(actor, id, xlsx: false, ct), Csv, $"ho-so-{round.Code}.csv")));
        // The Phụ lục 5 short list is the lower authority's own, one per proposal letter (Điều 10.2, 12.2.c).
        endpoints.MapGet("/nominations/{id:guid}/danh-sach-trich-ngang.pdf", (Guid id, HttpContext context, AccountService accounts,
            NominationService nominations) =>
            EndpointGuard.RunAsync(context, accounts, async (actor, ct) =>
                Inline(context, await nominations.ShortListAsync(actor, id, ct), Pdf, "danh-sach-trich-ngang.pdf")));
        endpoints.MapGet("/rounds/{id:guid}/ho-so-cap-khu-vuc.zip", (Guid id, HttpContext context, AccountService accounts, RoundService rounds,
            NominationService nominations) =>
            RoundFileAsync(id, context, accounts, rounds, async (actor, _, ct) =>
                TypedResults.File(await nominations.RegionPackageAsync(actor, id, ct), Zip, "ho-so-cap-khu-vuc.zip")));
        return endpoints;
    }

    private static Task<IResult> EntryFormAsync(Guid id, HttpContext context, AccountService accounts, EntryService entries,
        Func<EntryView, byte[]> render, string fileName) =>
        EndpointGuard.RunAsync(context, accounts, async (actor, ct) =>
            await entries.GetAsync(actor, id, ct) is { } view ? Inline(context, render(view), Pdf, fileName) : TypedResults.NotFound());

    private static Task<IResult> RoundFileAsync(Guid id, HttpContext context, AccountService accounts, RoundService rounds,
        Func<UserScope, Round, CancellationToken, Task<IResult>> file) =>
        EndpointGuard.RunAsync(context, accounts, async (actor, ct) =>
            await rounds.FindAsync(actor, id, ct) is { } round ? await file(actor, round, ct) : TypedResults.NotFound());

    /// <summary>Opens in the browser's viewer; saving keeps the form's name.</summary>
    private static IResult Inline(HttpContext context, byte[] content, string contentType, string fileName)
    {
        context.Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("inline") { FileNameStar = fileName, FileName = fileName }.ToString();
        return TypedResults.File(content, contentType);
    }
}
