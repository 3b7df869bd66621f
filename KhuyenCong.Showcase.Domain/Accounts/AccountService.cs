using System.Security.Claims;
using KhuyenCong.Showcase.Audit;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Common.Mail;
using KhuyenCong.Showcase.Data;
using KhuyenCong.Showcase.Geography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Showcase.Accounts;

public sealed record UserRow(string Id, string Email, string FullName, string? Position, IReadOnlyList<string> Roles,
    Guid? UnitId, string? UnitPath, Guid? ProducerId, bool LockedOut, DateTimeOffset CreatedAt);

public sealed record InviteRequest(string Email, string FullName, string? Position, string Role, Guid? UnitId);

/// <summary>The invited person sets a password through a link carrying this one-time token, also sent by mail when it could be.</summary>
public sealed record Invitation(string UserId, string Email, string Token, string Link, bool Mailed);

/// <summary>
/// Account operations. Identity's managers are scoped services; each operation takes its own scope so a long-lived
/// Blazor circuit never holds a stale DbContext.
/// </summary>
public sealed class AccountService(IServiceScopeFactory scopes, IDbContextFactory<ShowcaseDb> dbFactory, GeographyService geography, MailSender mail,
    TimeProvider clock)
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

    /// <summary>
    /// A producer signs up: the account exists unconfirmed until the link mailed to the address is opened, so nobody
    /// can hold an address that is not theirs (an officer's, before the invitation). An address that already has an
    /// account gets a mail saying so instead, and the page says the same thing either way: nobody learns from sign-up
    /// whether an address is registered. An unconfirmed sign-up of the same address is replaced.
    /// </summary>
    /// <param name="link">Turns a local path with its query into the absolute address the mail carries.</param>
    public async Task<IdentityResult> RegisterProducerAsync(string email, string password, string fullName, Func<string, string> link,
        CancellationToken ct = default)
    {
        email = email.Trim();
        if (!VietnameseText.IsEmail(email)) return Failed("InvalidEmail", Resources.Messages.IdentityInvalidEmail, email);
        string name;
        try
        {
            name = VietnameseText.Required(fullName, AppUser.FullNameMaxLength, Resources.Messages.AccountFullNameRequired);
        }
        catch (DomainException e)
        {
            return Failed("FullName", e.Message);
        }
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            if (existing.EmailConfirmed || !await IsUnclaimedSignUpAsync(users, existing))
            {
                await mail.SendAsync(AccountMails.AlreadyRegistered(email, link("/account/login"), link("/account/forgot")), ct);
                return IdentityResult.Success;
            }
            var removed = await users.DeleteAsync(existing);
            if (!removed.Succeeded) return removed;
        }
        var user = NewUser(email, name, null);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return created;
        var role = await users.AddToRoleAsync(user, Roles.Producer);
        if (!role.Succeeded) return role;
        await SendConfirmationAsync(users, user, link, ct);
        return IdentityResult.Success;
    }

    /// <summary>Opens the account whose address the link was mailed to.</summary>
    public async Task<IdentityResult> ConfirmEmailAsync(string userId, string token)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId);
        return user is null ? IdentityResult.Failed(users.ErrorDescriber.InvalidToken()) : await users.ConfirmEmailAsync(user, token);
    }

    /// <summary>
    /// Forgotten password: a reset link for a confirmed account, a new confirmation link for one never confirmed,
    /// nothing for an unknown address — and the same answer on the page in all three cases.
    /// </summary>
    public async Task RequestPasswordResetAsync(string email, Func<string, string> link, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (!VietnameseText.IsEmail(email.Trim()) || await users.FindByEmailAsync(email.Trim()) is not { } user) return;
        if (!user.EmailConfirmed)
        {
            if (await IsUnclaimedSignUpAsync(users, user)) await SendConfirmationAsync(users, user, link, ct);
            return;
        }
        var token = await users.GeneratePasswordResetTokenAsync(user);
        await mail.SendAsync(AccountMails.PasswordReset(user.Email!, link($"/account/reset?userId={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}")), ct);
    }

    /// <summary>Sets a new password from a mailed link; the new security stamp ends every session opened with the old one.</summary>
    public async Task<IdentityResult> ResetPasswordAsync(string userId, string token, string password)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null) return IdentityResult.Failed(users.ErrorDescriber.InvalidToken());
        var result = await users.ResetPasswordAsync(user, token, password);
        if (result.Succeeded) await users.ResetAccessFailedCountAsync(user);
        return result;
    }

    /// <summary>An administrator's lock (until the end of time) rather than the 15 minutes after wrong passwords.</summary>
    public async Task<bool> IsLockedByAdministratorAsync(string email)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        // Stored to the millisecond, the end of time comes back a little short of DateTimeOffset.MaxValue.
        return await users.FindByEmailAsync(email.Trim()) is { LockoutEnd: { } end } && end > clock.GetUtcNow().AddYears(100);
    }

    private async Task SendConfirmationAsync(UserManager<AppUser> users, AppUser user, Func<string, string> link, CancellationToken ct)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        await mail.SendAsync(AccountMails.Confirm(user.Email!, user.FullName,
            link($"/account/confirm?userId={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}")), ct);
    }

    /// <summary>A self sign-up nobody has confirmed or used yet: a producer account with no facility and an unconfirmed address.</summary>
    private static async Task<bool> IsUnclaimedSignUpAsync(UserManager<AppUser> users, AppUser user) =>
        !user.EmailConfirmed && user.ProducerId is null && (await users.GetRolesAsync(user)).All(r => r == Roles.Producer);

    private static IdentityResult Failed(string code, string format, params object?[] args) =>
        IdentityResult.Failed(new IdentityError { Code = code, Description = string.Format(System.Globalization.CultureInfo.CurrentCulture, format, args) });

    public async Task<Invitation> InviteAsync(UserScope inviter, InviteRequest request, Func<string, string> link)
    {
        var units = await geography.DirectoryAsync();
        if (!InvitePolicy.CanInvite(inviter, units, request.Role, request.UnitId)) throw new AccessDeniedException();
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<ShowcaseDb>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        // Someone who signed up with the officer's address never confirmed it: the invitation takes the address back.
        if (await users.FindByEmailAsync(request.Email.Trim()) is { } squatter && await IsUnclaimedSignUpAsync(users, squatter))
        {
            Check(await users.DeleteAsync(squatter));
            db.Add(AuditEntry.Record(inviter, clock.GetUtcNow(), "user.unconfirmed-replaced", nameof(AppUser), squatter.Id, new { squatter.Email }, null));
        }
        var user = NewUser(request.Email, request.FullName, request.Position);
        user.UnitId = request.UnitId;
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
            throw new DomainException(string.Join(" ", created.Errors.Select(e => e.Description)),
                created.Errors.Any(e => e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal))
                    ? nameof(InviteRequest.Email) : null);
        var role = await users.AddToRoleAsync(user, request.Role);
        if (!role.Succeeded) throw new DomainException(string.Join(" ", role.Errors.Select(e => e.Description)));
        var token = await users.GeneratePasswordResetTokenAsync(user);
        db.Add(AuditEntry.Record(inviter, clock.GetUtcNow(), "user.invited", nameof(AppUser), user.Id, null,
            new { user.Email, request.Role, request.UnitId }));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        var address = link($"/account/invitation?userId={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}");
        try
        {
            await mail.SendAsync(AccountMails.Invitation(user.Email!, user.FullName, EnumText.Role(request.Role), address));
            return new Invitation(user.Id, user.Email!, token, address, Mailed: true);
        }
        catch (Exception e) when (e is IOException or MailKit.ProtocolException or MailKit.Net.Smtp.SmtpCommandException or System.Net.Sockets.SocketException)
        {
            // The account exists; the officer hands the link over another way, and the page says the mail did not go.
            return new Invitation(user.Id, user.Email!, token, address, Mailed: false);
        }
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

    /// <summary>
    /// One page of the accounts the person may see (staff: those of their units; admins and the ministry: all),
    /// searched by e-mail or name, sorted and counted in the database; the page's roles in a second query.
    /// </summary>
    public async Task<Paged<UserRow>> PageAsync(UserScope actor, string? search, PageRequest page, CancellationToken ct = default)
    {
        if (!actor.IsStaff) throw new AccessDeniedException();
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Users.AsNoTracking();
        if (!actor.SeesAllUnits)
        {
            var scope = actor.VisibleUnits(units);
            query = query.Where(u => u.UnitId != null && scope.Contains(u.UnitId.Value));
        }
        if (!string.IsNullOrWhiteSpace(search))
        {
            // "dang thi" finds "Đặng Thị Hà"; an address is matched as typed, without case.
            var email = search.Trim().ToUpperInvariant();
            var key = VietnameseText.SearchKey(search);
            query = query.Where(u => u.NormalizedEmail!.Contains(email) || (key.Length > 0 && u.NameKey.Contains(key)));
        }
        var found = await query.PageAsync(page, UserSorts, u => new UserCells(u.Id, u.Email, u.FullName, u.Position, u.UnitId, u.ProducerId,
            u.LockoutEnd, u.CreatedAt), ct);
        var ids = found.Items.Select(u => u.Id).ToList();
        var roles = (await (from link in db.UserRoles join role in db.Roles on link.RoleId equals role.Id
                            where ids.Contains(link.UserId) select new { link.UserId, role.Name }).ToListAsync(ct))
            .ToLookup(r => r.UserId, r => r.Name!);
        var now = clock.GetUtcNow();
        return found.Map(u => new UserRow(u.Id, u.Email ?? "", u.FullName, u.Position, [.. roles[u.Id].Order()], u.UnitId,
            u.UnitId is { } unit ? units.PathOf(unit) : null, u.ProducerId, u.LockoutEnd > now, u.CreatedAt));
    }

    private static readonly SortMap<AppUser> UserSorts = new SortMap<AppUser>(q => q.OrderBy(u => u.NormalizedEmail), q => q.ThenBy(u => u.Id))
        .Add(nameof(UserRow.Email), u => u.NormalizedEmail)
        .Add(nameof(UserRow.FullName), u => u.NameKey)
        .Add(nameof(UserRow.CreatedAt), u => u.CreatedAt);

    private sealed record UserCells(string Id, string? Email, string FullName, string? Position, Guid? UnitId, Guid? ProducerId,
        DateTimeOffset? LockoutEnd, DateTimeOffset CreatedAt);

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
            // The operator vouches for the address on the command line: no mail round-trip to sign in.
            user.EmailConfirmed = true;
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
