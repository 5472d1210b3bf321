// Response types of the users API, shared by the server, the client hooks and components.

export type UserDto = {
  id: string;
  email: string;
  name: string;
  role: "viewer" | "editor" | "admin";
  disabled: boolean;
  version: number;
  createdAt: string;
};
