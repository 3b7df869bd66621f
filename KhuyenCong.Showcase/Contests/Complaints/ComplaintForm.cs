using KhuyenCong.Showcase.Components.Shared;
using System.ComponentModel.DataAnnotations;
using KhuyenCong.Showcase.Resources;

namespace KhuyenCong.Showcase.Contests.Complaints;

public sealed class ComplaintForm
{
    public const int MaxAttachments = 3;

    [Required(ErrorMessageResourceType = typeof(Messages), ErrorMessageResourceName = nameof(Messages.ComplaintReasonsRequired))]
    [TextLength(Complaint.TextMaxLength)]
    public string Reasons { get; set; } = "";
}
