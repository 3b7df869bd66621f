using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Data;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Showcase.Contests;

/// <summary>"Load the round or say it does not exist", once for every service.</summary>
public static class RoundLoading
{
    /// <param name="tracked">Tracked for a change; read-only otherwise.</param>
    /// <param name="withCriteria">With the round's score sheet lines.</param>
    /// <exception cref="NotFoundException">No such round.</exception>
    public static async Task<Round> RoundAsync(this ShowcaseDb db, Guid id, CancellationToken ct, bool tracked = false, bool withCriteria = false)
    {
        IQueryable<Round> query = db.Set<Round>();
        if (withCriteria) query = query.Include(r => r.Criteria);
        if (!tracked) query = query.AsNoTracking();
        return await query.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException();
    }
}
