import { QueryTypes, type Sequelize } from "sequelize";
import type { SubCategoryView } from "@contract/reports.ts";

const SELECT = `SELECT id, bidang, name, active, sort FROM sub_categories`;

export function listSubCategories(db: Sequelize): Promise<SubCategoryView[]> {
  return db.query<SubCategoryView>(`${SELECT} ORDER BY bidang, sort, name`, { type: QueryTypes.SELECT });
}

export async function getSubCategory(db: Sequelize, id: number): Promise<SubCategoryView | undefined> {
  return (await db.query<SubCategoryView>(`${SELECT} WHERE id = :id`, { replacements: { id }, type: QueryTypes.SELECT }))[0];
}

export async function insertSubCategory(db: Sequelize, c: { bidang: string; name: string; sort: number }): Promise<SubCategoryView | undefined> {
  const rows = await db.query<SubCategoryView>(
    `INSERT INTO sub_categories (bidang, name, sort) VALUES (:bidang, :name, :sort)
     ON CONFLICT (bidang, name) DO NOTHING RETURNING id, bidang, name, active, sort`,
    { replacements: c, type: QueryTypes.SELECT },
  );
  return rows[0];
}

export async function updateSubCategory(
  db: Sequelize,
  id: number,
  patch: { name?: string; active?: boolean; sort?: number },
): Promise<SubCategoryView | undefined> {
  const rows = await db.query<SubCategoryView>(
    `UPDATE sub_categories SET name = COALESCE(:name, name), active = COALESCE(:active, active), sort = COALESCE(:sort, sort)
     WHERE id = :id RETURNING id, bidang, name, active, sort`,
    { replacements: { id, name: patch.name ?? null, active: patch.active ?? null, sort: patch.sort ?? null }, type: QueryTypes.SELECT },
  );
  return rows[0];
}
