using System.Collections.Frozen;

namespace KhuyenCong.Showcase.Geography;

public sealed record UnitNode(Guid Id, string Code, string Name, UnitKind Kind, Guid? ParentId, DateOnly ValidFrom,
    DateOnly? ValidTo, bool IsSample)
{
    public UnitTier Tier => AdministrativeUnit.TierOf(Kind);
    public bool IsValidOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day <= ValidTo);
    public string DisplayName => IsSample ? $"{Name} ({Resources.Messages.SampleMark})" : Name;
}

public sealed record RegionNode(Guid Id, string Code, string Name, int Order);

/// <summary>
/// A read-only snapshot of the unit tree (a few thousand rows) used to answer scope questions without a query per
/// check. Snapshots are rebuilt from the database, so every instance agrees after an import.
/// </summary>
public sealed class UnitDirectory
{
    private readonly FrozenDictionary<Guid, UnitNode> _nodes;
    private readonly FrozenDictionary<Guid, Guid[]> _children;
    private readonly FrozenDictionary<Guid, Guid[]> _predecessors;
    private readonly FrozenDictionary<Guid, Guid[]> _successors;
    private readonly FrozenDictionary<Guid, Guid> _regionOfProvince;
    private readonly FrozenDictionary<Guid, RegionNode> _regions;
    private readonly Dictionary<Guid, FrozenSet<Guid>> _scopes = [];
    private readonly Lock _scopeLock = new();

    public UnitDirectory(IEnumerable<UnitNode> nodes, IEnumerable<(Guid Predecessor, Guid Successor)> successions,
        IEnumerable<RegionNode>? regions = null, IEnumerable<(Guid Province, Guid Region)>? regionMembers = null)
    {
        _regions = (regions ?? []).ToFrozenDictionary(r => r.Id);
        _regionOfProvince = (regionMembers ?? []).ToFrozenDictionary(m => m.Province, m => m.Region);
        _nodes = nodes.ToFrozenDictionary(n => n.Id);
        _children = _nodes.Values.Where(n => n.ParentId is not null)
            .GroupBy(n => n.ParentId!.Value)
            .ToFrozenDictionary(g => g.Key, g => g.Select(n => n.Id).ToArray());
        var links = successions.ToList();
        _predecessors = links.GroupBy(l => l.Successor).ToFrozenDictionary(g => g.Key, g => g.Select(l => l.Predecessor).ToArray());
        _successors = links.GroupBy(l => l.Predecessor).ToFrozenDictionary(g => g.Key, g => g.Select(l => l.Successor).ToArray());
    }

    public int Count => _nodes.Count;

    public UnitNode? Find(Guid id) => _nodes.GetValueOrDefault(id);

    public UnitNode Get(Guid id) => _nodes.TryGetValue(id, out var node) ? node : throw new KeyNotFoundException($"unit {id}");

    public IEnumerable<UnitNode> All => _nodes.Values;

    public IReadOnlyList<UnitNode> ChildrenOf(Guid id) =>
        _children.TryGetValue(id, out var ids) ? ids.Select(Get).OrderBy(n => n.Name, StringComparer.Create(new("vi-VN"), false)).ToList() : [];

    public IReadOnlyList<UnitNode> SuccessorsOf(Guid id) => _successors.TryGetValue(id, out var ids) ? ids.Select(Get).ToList() : [];

    public IReadOnlyList<UnitNode> PredecessorsOf(Guid id) => _predecessors.TryGetValue(id, out var ids) ? ids.Select(Get).ToList() : [];

    public IReadOnlyList<UnitNode> ProvincesOn(DateOnly day) =>
        [.. _nodes.Values.Where(n => n.Tier == UnitTier.Province && n.IsValidOn(day)).OrderBy(n => n.Code, StringComparer.Ordinal)];

    /// <summary>Communes (and wards, special zones) of a province valid on a day, through districts where they still exist.</summary>
    public IReadOnlyList<UnitNode> CommunesOf(Guid provinceId, DateOnly day) =>
        [.. Descendants(provinceId).Select(Get).Where(n => n.Tier == UnitTier.Commune && n.IsValidOn(day))
            .OrderBy(n => n.Name, StringComparer.Create(new("vi-VN"), false))];

    /// <summary>
    /// Communes in force on <paramref name="day"/> whose name holds the words typed, without diacritics or case ("thach ha"
    /// finds "Xã Thạch Hà"), or whose code is typed; within one province when given, in name order, at most
    /// <paramref name="limit"/>. The names are folded once per snapshot.
    /// </summary>
    public IReadOnlyList<UnitNode> FindCommunes(string? text, DateOnly day, Guid? provinceId = null, int limit = 20)
    {
        var key = Common.VietnameseText.SearchKey(text);
        var code = text?.Trim();
        var pool = provinceId is { } province ? CommunesOf(province, day) : _nodes.Values.Where(n => n.Tier == UnitTier.Commune && n.IsValidOn(day));
        return [.. pool.Where(n => key.Length == 0 || NameKey(n).Contains(key, StringComparison.Ordinal) || n.Code == code)
            .OrderBy(NameKey, StringComparer.Ordinal).ThenBy(n => n.Code, StringComparer.Ordinal).Take(limit)];
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, string> _nameKeys = new();

    private string NameKey(UnitNode node) => _nameKeys.GetOrAdd(node.Id, _ => Common.VietnameseText.SearchKey(node.Name));

    public UnitNode? ProvinceOf(Guid id)
    {
        var node = Find(id);
        while (node is not null && node.Tier != UnitTier.Province)
            node = node.ParentId is { } parent ? Find(parent) : null;
        return node;
    }

    /// <summary>The contest regions, in their order.</summary>
    public IReadOnlyList<RegionNode> Regions => [.. _regions.Values.OrderBy(r => r.Order)];

    public RegionNode? FindRegion(Guid id) => _regions.GetValueOrDefault(id);

    /// <summary>The region of the province a unit lies in (a commune through its province), or null where none is set.</summary>
    public RegionNode? RegionOf(Guid unitId) =>
        ProvinceOf(unitId) is { } province && _regionOfProvince.TryGetValue(province.Id, out var region) ? _regions.GetValueOrDefault(region) : null;

    /// <summary>The province-tier units (of any date) grouped in a region.</summary>
    public IReadOnlyList<UnitNode> ProvincesIn(Guid regionId) =>
        [.. _regionOfProvince.Where(m => m.Value == regionId).Select(m => Find(m.Key)).OfType<UnitNode>().OrderBy(n => n.Code, StringComparer.Ordinal)];

    /// <summary>"Xã A, Huyện B, Tỉnh C": the names as they were, for records kept from before a reform.</summary>
    public string PathOf(Guid id)
    {
        var names = new List<string>();
        for (var node = Find(id); node is not null; node = node.ParentId is { } p ? Find(p) : null)
            names.Add(node.DisplayName);
        return string.Join(", ", names);
    }

    /// <summary>
    /// The units someone scoped to <paramref name="id"/> may see: the unit, everything below it, and every unit it
    /// succeeded together with what was below those (a Hải Phòng officer sees Hải Dương's history).
    /// </summary>
    public IReadOnlySet<Guid> ScopeOf(Guid id)
    {
        lock (_scopeLock)
        {
            if (_scopes.TryGetValue(id, out var cached)) return cached;
        }
        var scope = new HashSet<Guid>();
        var roots = new Stack<Guid>();
        roots.Push(id);
        while (roots.Count > 0)
        {
            var root = roots.Pop();
            if (!_nodes.ContainsKey(root)) continue;
            foreach (var unit in Descendants(root).Prepend(root))
            {
                if (!scope.Add(unit)) continue;
                if (_predecessors.TryGetValue(unit, out var olds))
                    foreach (var old in olds) roots.Push(old);
            }
        }
        var frozen = scope.ToFrozenSet();
        lock (_scopeLock) _scopes[id] = frozen;
        return frozen;
    }

    /// <summary>
    /// The units whose <see cref="ScopeOf"/> holds <paramref name="id"/>: the unit, the units above it, and the units that
    /// succeeded any of those, with what is above them (a Hải Dương commune of 2024 lies under Hải Phòng too).
    /// </summary>
    public IReadOnlySet<Guid> CoveringOf(Guid id)
    {
        var covering = new HashSet<Guid>();
        var pending = new Stack<Guid>();
        pending.Push(id);
        while (pending.Count > 0)
        {
            var unit = pending.Pop();
            if (!_nodes.TryGetValue(unit, out var node) || !covering.Add(unit)) continue;
            if (node.ParentId is { } parent) pending.Push(parent);
            if (_successors.TryGetValue(unit, out var news))
                foreach (var successor in news) pending.Push(successor);
        }
        return covering;
    }

    private IEnumerable<Guid> Descendants(Guid id)
    {
        var stack = new Stack<Guid>();
        stack.Push(id);
        while (stack.Count > 0)
        {
            if (!_children.TryGetValue(stack.Pop(), out var children)) continue;
            foreach (var child in children)
            {
                yield return child;
                stack.Push(child);
            }
        }
    }
}
