using System.Security.Claims;
using KhuyenCong.Showcase.Audit;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Data;
using KhuyenCong.Showcase.Geography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Showcase.Accounts;

public sealed record UserRow(string Id, string Email, string FullName, string? Position, IReadOnlyList<string> Roles,
    Guid? UnitId, string? UnitPath, Guid? ProducerId, bool LockedOut, DateTimeOffset CreatedAt);

public sealed record InviteRequest(string Email, string FullName, string? Position, string Role, Guid? UnitId);

/// <summary>The invited person sets a password through a link carrying this one-time token.</summary>
public sealed record Invitation(string UserId, string Email, string Token);

/// <summary>
/// Account operations. Identity's managers are scoped services; each operation takes its own scope so a long-lived
/// Blazor circuit never holds a stale DbContext.
/// </summary>
public sealed class AccountService(IServiceScopeFactory scopes, IDbContextFactory<ShowcaseDb> dbFactory, GeographyService geography, TimeProvider clock)
{
    public const string PasswordSetupPurpose = "ResetPassword";

    /// <summary>
    /// The scope of a signed-in principal, or anonymous when its session has ended: the account was locked, or its
    /// security stamp changed since the cookie was issued (role or scope change, sign-out on any device).
    /// </summary>
    public Task<UserScope> ScopeForAsync(ClaimsPrincipal principal, CancellationToken ct = default) =>
        principal.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } userId
            ? ScopeForAsync(userId, principal.FindFirstValue(SecurityStampClaim) ?? "", ct)
            : Task.FromResult(UserScope.Anonymous);

    /// <summary>The claim Identity puts the security stamp in (IdentityOptions.ClaimsIdentity.SecurityStampClaimType).</summary>
    public const string SecurityStampClaim = "AspNet.Identity.SecurityStamp";

    /// <summary>Read from the database on every call, so a role or unit change takes effect without signing in again.</summary>
    public Task<UserScope> ScopeForAsync(string? userId, CancellationToken ct = default) => ScopeForAsync(userId, stamp: null, ct);

    private async Task<UserScope> ScopeForAsync(string? userId, string? stamp, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(userId)) return UserScope.Anonymous;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.FullName, u.Email, u.UnitId, u.ProducerId, u.SecurityStamp }).FirstOrDefaultAsync(ct);
        if (user is null) return UserScope.Anonymous;
        // An administrator's lock renews the stamp too; a lockout after wrong passwords does not end a session that is already open.
        if (stamp is not null && stamp != user.SecurityStamp) return UserScope.Anonymous;
        var roles = await (from link in db.UserRoles join role in db.Roles on link.RoleId equals role.Id
                           where link.UserId == userId select role.Name!).ToListAsync(ct);
        var name = string.IsNullOrWhiteSpace(user.FullName) ? user.Email ?? "" : user.FullName;
        return new UserScope(user.Id, name, roles.ToHashSet(), user.UnitId, user.ProducerId);
    }

    public async Task<(IdentityResult Result, string? UserId)> RegisterProducerAsync(string email, string password, string fullName)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = NewUser(email, fullName, null);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return (created, null);
        var role = await users.AddToRoleAsync(user, Roles.Producer);
        return (role, role.Succeeded ? user.Id : null);
    }

    public async Task<Invitation> InviteAsync(UserScope inviter, InviteRequest request)
    {
        var units = await geography.DirectoryAsync();
        if (!InvitePolicy.CanInvite(inviter, units, request.Role, request.UnitId)) throw new AccessDeniedException();
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<ShowcaseDb>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = NewUser(request.Email, request.FullName, request.Position);
        user.UnitId = request.UnitId;
        var created = await users.CreateAsync(user);
        if (!created.Succeeded) throw new DomainException(string.Join(" ", created.Errors.Select(e => e.Description)));
        var role = await users.AddToRoleAsync(user, request.Role);
        if (!role.Succeeded) throw new DomainException(string.Join(" ", role.Errors.Select(e => e.Description)));
        var token = await users.GeneratePasswordResetTokenAsync(user);
        db.Add(AuditEntry.Record(inviter, clock.GetUtcNow(), "user.invited", nameof(AppUser), user.Id, null,
            new { user.Email, request.Role, request.UnitId }));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return new Invitation(user.Id, user.Email!, token);
    }

    public async Task<IdentityResult> AcceptInvitationAsync(string userId, string token, string password)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null) return IdentityResult.Failed(users.ErrorDescriber.InvalidToken());
        var result = await users.ResetPasswordAsync(user, token, password);
        if (result.Succeeded && !user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }
        return result;
    }

    public async Task<IReadOnlyList<UserRow>> ListAsync(UserScope actor, string? search = null, CancellationToken ct = default)
    {
        if (!actor.IsStaff) throw new AccessDeniedException();
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Users.AsNoTracking();
        if (!actor.IsAdmin)
        {
            var scope = actor.VisibleUnits(units);
            query = query.Where(u => u.UnitId != null && scope.Contains(u.UnitId.Value));
        }
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(term) || u.FullName.Contains(search.Trim()));
        }
        var users = await query.OrderBy(u => u.Email).Take(500).ToListAsync(ct);
        var ids = users.Select(u => u.Id).ToList();
        var roles = await (from link in db.UserRoles join role in db.Roles on link.RoleId equals role.Id
                           where ids.Contains(link.UserId) select new { link.UserId, role.Name }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return [.. users.Select(u => new UserRow(u.Id, u.Email ?? "", u.FullName, u.Position,
            [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name!)], u.UnitId,
            u.UnitId is { } unit ? units.PathOf(unit) : null, u.ProducerId, u.LockoutEnd > now, u.CreatedAt))];
    }

    /// <summary>Admin only: replaces a user's roles and scope in one transaction, audited.</summary>
    public async Task UpdateAccessAsync(UserScope admin, string userId, IReadOnlyCollection<string> roles, Guid? unitId, bool locked)
    {
        if (!admin.IsAdmin) throw new AccessDeniedException();
        if (roles.Any(r => !Roles.All.Contains(r))) throw new DomainException(Resources.Messages.Forbidden);
        if (roles.Any(Roles.NeedsUnit) && unitId is null) throw new DomainException(Resources.Messages.AccountNeedsUnit);
        if (admin.UserId == userId && (!roles.Contains(Roles.Admin) || locked)) throw new DomainException(Resources.Messages.AccountCannotDemoteSelf);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<ShowcaseDb>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException();
        var current = await users.GetRolesAsync(user);
        var before = new { Roles = current.ToList(), user.UnitId, Locked = user.LockoutEnd > clock.GetUtcNow() };
        Check(await users.RemoveFromRolesAsync(user, current.Except(roles)));
        Check(await users.AddToRolesAsync(user, roles.Except(current)));
        user.UnitId = unitId;
        Check(await users.SetLockoutEnabledAsync(user, true));
        Check(await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null));
        Check(await users.UpdateSecurityStampAsync(user));
        db.Add(AuditEntry.Record(admin, clock.GetUtcNow(), "user.access-changed", nameof(AppUser), user.Id, before,
            new { Roles = roles.ToList(), unitId, Locked = locked }));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    /// <summary>For the operator's command line: creates the admin, or makes an existing account admin.</summary>
    public async Task<(bool Created, IdentityResult Result)> EnsureAdminAsync(string email, string password)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email);
        var created = false;
        if (user is null)
        {
            user = NewUser(email, "Quản trị hệ thống", null);
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded) return (false, result);
            created = true;
        }
        if (!await users.IsInRoleAsync(user, Roles.Admin))
        {
            var result = await users.AddToRoleAsync(user, Roles.Admin);
            if (!result.Succeeded) return (created, result);
        }
        return (created, IdentityResult.Success);
    }

    public async Task EnsureRolesAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) Check(await roles.CreateAsync(new IdentityRole(role)));
    }

    private AppUser NewUser(string email, string fullName, string? position) => new()
    {
        UserName = email.Trim(),
        Email = email.Trim(),
        FullName = VietnameseText.Clean(fullName),
        Position = VietnameseText.CleanOrNull(position),
        CreatedAt = clock.GetUtcNow(),
        LockoutEnabled = true,
    };

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new DomainException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
