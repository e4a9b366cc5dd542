import type { Page } from "playwright-core";

/**
 * Every required field of the officer app's situation form (opened already), with plausible values; the
 * bidang is politik, its sub-category and the kerawanan label ("Sedang") may be chosen.
 */
export async function fillSituationForm(page: Page, perihal: string, choose: { subCategory?: string; kerawanan?: string } = {}) {
  await page.locator('input[name="perihal"]').fill(perihal);
  await page.selectOption('select[name="bidang"]', "politik");
  await page.selectOption('select[name="subCategory"]', choose.subCategory ?? "unjuk rasa");
  await page.locator("label.chip", { hasText: choose.kerawanan ?? "Sedang" }).click();
  await page.locator('input[name="pendahuluan.sumber"]').fill("Kepala desa");
  await page.selectOption("#f-nilai-rel", "B");
  await page.selectOption("#f-nilai-cred", "2");
  await page.locator('textarea[name="fakta.siapa"]').fill("Sekitar 50 warga");
  await page.locator('textarea[name="fakta.apa"]').fill("Unjuk rasa damai soal jalan desa");
  await page.locator('textarea[name="fakta.diMana"]').fill("Depan kantor desa");
  await page.locator('textarea[name="fakta.bagaimana"]').fill("Menyampaikan aspirasi, bubar tertib");
  await page.locator('input[name="fakta.bilamana"]').fill("Pagi ini pukul 09.00 WITA");
  await page.locator('input[name="fakta.jumlahMassa"]').fill("50");
}
