/** What starting at login means on this platform. */
export type LoginItemPlan =
  | { kind: 'electron-login-item'; openAtLogin: boolean }
  | { kind: 'xdg-autostart'; file: string; contents: string | null };

/**
 * How to start Pantau at login: Windows uses Electron's login item (the Run registry key);
 * Linux has no such API (setLoginItemSettings is macOS and Windows only), so an XDG autostart
 * `.desktop` file is written or removed. `contents` null means remove the file.
 */
export function loginItemPlan(platform: NodeJS.Platform, enabled: boolean, executable: string, home: string, env: Readonly<Record<string, string | undefined>>): LoginItemPlan {
  if (platform !== 'linux') return { kind: 'electron-login-item', openAtLogin: enabled };
  const configHome = env.XDG_CONFIG_HOME || `${home}/.config`;
  // An AppImage runs from a temporary mount: the autostart entry must name the AppImage itself.
  const exec = env.APPIMAGE || executable;
  const contents = enabled
    ? ['[Desktop Entry]', 'Type=Application', 'Name=Pantau', 'Comment=Pantau video wall', `Exec="${exec.replace(/"/g, '\\"')}"`, 'X-GNOME-Autostart-enabled=true', 'NoDisplay=false', ''].join('\n')
    : null;
  return { kind: 'xdg-autostart', file: `${configHome}/autostart/pantau.desktop`, contents };
}
