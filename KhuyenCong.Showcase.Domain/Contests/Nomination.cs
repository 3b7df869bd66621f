using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Resources;

namespace KhuyenCong.Showcase.Contests;

/// <summary>
/// A lower level's proposal to the next (TT 26/2014 Điều 10.2, 12.2.c, 12.3.c, 12.4.c): the lower council picks which
/// of its recognised entries go up; its authority (UBND cấp xã/huyện, UBND tỉnh, the Cục trưởng) sends them with its
/// proposal letter (number, date, signer) and its own short list (danh sách trích ngang, Phụ lục 5), signed on its behalf.
/// </summary>
public sealed class Nomination
{
    public const int AuthorityMaxLength = 200;

    private Nomination() { }

    internal Nomination(Round target, Round source, DecisionRef letter, Accounts.UserScope actor, DateTimeOffset now)
    {
        Round.CheckDecision(letter);
        Id = Guid.CreateVersion7();
        TargetRoundId = target.Id;
        SourceRoundId = source.Id;
        Authority = VietnameseText.Required(source.Organiser, AuthorityMaxLength, Messages.RoundOrganiserRequired);
        Letter = letter with { };
        At = now;
        ById = actor.UserId;
        ByName = actor.UserName;
    }

    public Guid Id { get; private set; }
    public Guid TargetRoundId { get; private set; }
    public Guid SourceRoundId { get; private set; }

    /// <summary>The lower authority on whose behalf the list is signed (the lower round's organiser).</summary>
    public string Authority { get; private set; } = "";

    /// <summary>Văn bản đề nghị: the lower authority's proposal letter.</summary>
    public DecisionRef Letter { get; private set; } = null!;
    public DateTimeOffset At { get; private set; }
    public string ById { get; private set; } = "";
    public string ByName { get; private set; } = "";
}
