using System.Data.Common;
using KhuyenCong.Showcase.Tests.Infrastructure;

namespace KhuyenCong.Showcase.Tests.Data;

/// <summary>Reads a database's tables, columns, indexes and foreign keys as sorted lines, so two schemas compare as text.</summary>
public static class SchemaReader
{
    private static readonly string[] Ignored = ["__EFMigrationsHistory", "__EFMigrationsLock", "sqlite_sequence"];

    public static async Task<List<string>> ReadAsync(DbConnection connection, DbKind kind)
    {
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        var lines = kind switch
        {
            DbKind.Sqlite => await ReadSqliteAsync(connection),
            DbKind.Postgres => await ReadPostgresAsync(connection),
            _ => await ReadSqlServerAsync(connection),
        };
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<List<string>> ReadSqliteAsync(DbConnection connection)
    {
        var lines = new List<string>();
        var tables = await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table'");
        foreach (var table in tables.Select(r => r[0]).Where(t => !Ignored.Contains(t)))
        {
            lines.Add($"table {table}");
            foreach (var c in await QueryAsync(connection, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}')"))
                lines.Add($"column {table}.{c[0]} {c[1]} notnull={c[2]} pk={c[3]}");
            foreach (var index in await QueryAsync(connection, $"SELECT name, \"unique\" FROM pragma_index_list('{table}') WHERE origin = 'c'"))
            {
                var columns = await QueryAsync(connection, $"SELECT name FROM pragma_index_info('{index[0]}') ORDER BY seqno");
                lines.Add($"index {table}.{index[0]} unique={index[1]} ({string.Join(",", columns.Select(r => r[0]))})");
            }
            foreach (var fk in await QueryAsync(connection, $"SELECT \"from\", \"table\", \"to\", on_delete FROM pragma_foreign_key_list('{table}')"))
                lines.Add($"fk {table}.{fk[0]} -> {fk[1]}.{fk[2]} on delete {fk[3]}");
        }
        return lines;
    }

    private static async Task<List<string>> ReadPostgresAsync(DbConnection connection)
    {
        var lines = new List<string>();
        foreach (var c in await QueryAsync(connection, """
            SELECT table_name, column_name, data_type, is_nullable, coalesce(character_maximum_length::text, ''), coalesce(is_identity, '')
            FROM information_schema.columns WHERE table_schema = 'public'
            """))
        {
            if (Ignored.Contains(c[0])) continue;
            lines.Add($"column {c[0]}.{c[1]} {c[2]}({c[4]}) nullable={c[3]} identity={c[5]}");
        }
        foreach (var i in await QueryAsync(connection, "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'"))
            if (!Ignored.Contains(i[0])) lines.Add($"index {i[0]}.{i[1]} {i[2]}");
        foreach (var k in await QueryAsync(connection, """
            SELECT rel.relname, con.conname, pg_get_constraintdef(con.oid)
            FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace ns ON ns.oid = rel.relnamespace
            WHERE ns.nspname = 'public'
            """))
            if (!Ignored.Contains(k[0])) lines.Add($"constraint {k[0]}.{k[1]} {k[2]}");
        return lines;
    }

    private static async Task<List<string>> ReadSqlServerAsync(DbConnection connection)
    {
        var lines = new List<string>();
        foreach (var c in await QueryAsync(connection, """
            SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, IS_NULLABLE, COALESCE(CAST(CHARACTER_MAXIMUM_LENGTH AS varchar(20)), ''),
                   COALESCE(COLLATION_NAME, '')
            FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'dbo'
            """))
        {
            if (Ignored.Contains(c[0])) continue;
            lines.Add($"column {c[0]}.{c[1]} {c[2]}({c[4]}) nullable={c[3]} collation={c[5]}");
        }
        foreach (var i in await QueryAsync(connection, """
            SELECT t.name, i.name, i.is_unique, STRING_AGG(c.name, ',') WITHIN GROUP (ORDER BY ic.key_ordinal), COALESCE(i.filter_definition, '')
            FROM sys.indexes i JOIN sys.tables t ON t.object_id = i.object_id
            JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id
            JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
            WHERE i.name IS NOT NULL GROUP BY t.name, i.name, i.is_unique, i.filter_definition
            """))
            if (!Ignored.Contains(i[0])) lines.Add($"index {i[0]}.{i[1]} unique={i[2]} ({i[3]}) {i[4]}");
        foreach (var k in await QueryAsync(connection, """
            SELECT OBJECT_NAME(f.parent_object_id), f.name, OBJECT_NAME(f.referenced_object_id), f.delete_referential_action_desc
            FROM sys.foreign_keys f
            """))
            if (!Ignored.Contains(k[0])) lines.Add($"fk {k[0]}.{k[1]} -> {k[2]} on delete {k[3]}");
        return lines;
    }

    private static async Task<List<string[]>> QueryAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
            rows.Add(row);
        }
        return rows;
    }
}
