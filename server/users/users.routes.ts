import { Router } from "express";
import { z } from "zod";
import { CreateUserInput, UpdateUserInput, UserListQuery } from "@contract/users.ts";
import { parseInput } from "../core/validate.ts";
import { authorize } from "../auth/auth.middleware.ts";
import type { UsersService } from "./users.service.ts";

const IdParam = z.object({ id: z.string().uuid("not a user id") });

/** Account administration: admins only. */
export function usersRouter(users: UsersService): Router {
  const router = Router();
  const admin = authorize("user.manage");

  router.get("/api/users", admin, async (req, res) => {
    res.json(await users.list(parseInput(UserListQuery, req.query)));
  });

  router.post("/api/users", admin, async (req, res) => {
    res.status(201).json(await users.create(req, parseInput(CreateUserInput, req.body)));
  });

  router.get("/api/users/:id", admin, async (req, res) => {
    res.json({ user: await users.get(parseInput(IdParam, req.params).id) });
  });

  router.patch("/api/users/:id", admin, async (req, res) => {
    const { id } = parseInput(IdParam, req.params);
    res.json({ user: await users.update(req, id, parseInput(UpdateUserInput, req.body)) });
  });

  router.post("/api/users/:id/reset-password", admin, async (req, res) => {
    res.json(await users.resetPassword(req, parseInput(IdParam, req.params).id));
  });

  return router;
}
