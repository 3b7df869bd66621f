using KhuyenCong.Showcase.Contests;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Showcase.Data;

/// <summary>
/// Folded search keys for rows saved before their column existed (migration AddRoundAndUserSearchKeys): the fold is C#
/// (<see cref="Common.VietnameseText.SearchKey"/>), so SQL cannot fill them. Runs on every start; once done it reads no row.
/// </summary>
public static class SearchKeyBackfill
{
    public static async Task<int> RunAsync(ShowcaseDb db, CancellationToken ct = default)
    {
        var rounds = await db.Set<Round>().Where(r => r.SearchKey == "").ToListAsync(ct);
        foreach (var round in rounds) round.Fold();
        var users = await db.Users.Where(u => u.NameKey == "" && u.FullName != "").ToListAsync(ct);
        foreach (var user in users) user.FullName = user.FullName;
        await db.SaveChangesAsync(ct);
        return rounds.Count + users.Count;
    }
}
