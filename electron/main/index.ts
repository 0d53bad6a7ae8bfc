import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, screen, session as electronSession, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHANNELS, type EventName, type EventPayload } from '../../shared/ipc/contract.js';
import { dispatch } from '../ipc/dispatch.js';
import { handlers } from '../ipc/handlers/index.js';
import { Session } from '../ipc/session.js';
import type { Platform } from '../ipc/platform.js';
import { contentType, resolveRendererFile } from '../serve/static-files.js';
import { CONTENT_SECURITY_POLICY, devContentSecurityPolicy, hardenSession, isTrustedSender, hardenWebContents, isSafeExternalUrl, secureWebPreferences } from './security.js';
import { loadWindowState, placeOnScreen, saveWindowState, DEFAULT_WINDOW_STATE } from './window-state.js';
import { menuTemplate } from './menu-template.js';
import { electronDialogs } from './dialogs.js';
import { cliArguments, workshopArgument } from './launch-args.js';
import { createOpenRequests } from './open-requests.js';
import { runCli } from '../cli/main.js';
import { electronPrinter } from './pdf-printer.js';
import type { PdfPrinter } from '../report/printer.js';

const APP_ORIGIN = 'app://syncplan';
const devServerUrl = process.env.ELECTRON_RENDERER_URL;

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

/** Electron's PDF printer for the report; its windows' session loads one local file and nothing else. */
function appPrinter(): PdfPrinter {
  electronSession.fromPartition('syncplan-print').webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith('file:') }));
  return electronPrinter((options) => new BrowserWindow(options));
}

const cliArgs = cliArguments(process.argv);
if (cliArgs) {
  // `SyncPlan --cli ...`: the command line, no window of its own, and no claim on the single-instance
  // lock so it runs beside an open app. The report's hidden print windows must not end it when they close.
  app.on('window-all-closed', () => undefined);
  app.dock?.hide();
  void app
    .whenReady()
    .then(() => runCli(cliArgs, { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), printer: async () => appPrinter() }))
    .then((code) => app.exit(code));
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  let session: Session | null = null;

  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    mainWindow?.webContents.send(`syncplan:event:${event}`, payload);
  };

  const openRequests = createOpenRequests({
    open: async (path) => {
      if (!session) throw new Error('the workshop session is not ready');
      return session.open(path, 'open');
    },
    opened: (info) => emit('workshopOpened', info),
    failed: (message) => {
      if (mainWindow) void dialog.showMessageBox(mainWindow, { type: 'error', title: 'SyncPlan', message });
      else dialog.showErrorBox('SyncPlan', message);
    },
  });
  const launchWorkshop = workshopArgument(process.argv, process.cwd());
  if (launchWorkshop) void openRequests.request(launchWorkshop);

  // A .syncplan file opened while SyncPlan runs: Windows and Linux start a second instance with its path.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    const path = workshopArgument(argv, workingDirectory);
    if (path) void openRequests.request(path);
  });
  // macOS hands files over by event, also before the app is ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    void openRequests.request(path);
  });

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, (url) => shell.openExternal(url)));

  /** Only our own page, loaded in our own window, may call the handlers. */
  const isOwnSender = (frame: Electron.WebFrameMain | null, sender: Electron.WebContents): boolean =>
    isTrustedSender(
      { frameUrl: frame?.url ?? null, contentsId: sender.id },
      { contentsId: mainWindow?.webContents.id ?? null, appOrigin: APP_ORIGIN, devServerUrl },
    );

  const createWindow = () => {
    const stateFile = join(app.getPath('userData'), 'window-state.json');
    const state = placeOnScreen(loadWindowState(stateFile), screen.getAllDisplays().map((d) => d.workArea));
    mainWindow = new BrowserWindow({
      ...state,
      minWidth: 800,
      minHeight: 560,
      show: false,
      title: 'SyncPlan',
      backgroundColor: '#1b1f24',
      webPreferences: secureWebPreferences(join(__dirname, '../preload/index.cjs')),
    });
    if (state.maximized) mainWindow.maximize();
    mainWindow.once('ready-to-show', () => mainWindow?.show());
    mainWindow.on('close', () => {
      if (!mainWindow) return;
      const bounds = mainWindow.getNormalBounds();
      saveWindowState(stateFile, { ...DEFAULT_WINDOW_STATE, ...bounds, maximized: mainWindow.isMaximized() });
    });
    mainWindow.on('closed', () => {
      session?.close();
      mainWindow = null;
    });
    void mainWindow.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  };

  void app.whenReady().then(async () => {
    const rendererRoot = join(__dirname, '../renderer');
    protocol.handle('app', async (request) => {
      const file = resolveRendererFile(rendererRoot, new URL(request.url).pathname);
      if (!file) return new Response('Not found', { status: 404 });
      const response = await net.fetch(pathToFileURL(file).toString());
      return new Response(response.body, {
        headers: { 'Content-Type': contentType(file), 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
      });
    });
    hardenSession(electronSession.defaultSession, devServerUrl ? devContentSecurityPolicy(devServerUrl) : CONTENT_SECURITY_POLICY);

    const platform: Platform = {
      userDataDir: app.getPath('userData'),
      sampleWorkshopDir: app.isPackaged ? join(process.resourcesPath, 'sample-workshop') : join(app.getAppPath(), 'resources', 'sample-workshop'),
      dialogs: electronDialogs(() => mainWindow, dialog, app.getPath('documents')),
      printer: async () => appPrinter(),
      emit,
    };
    session = new Session(platform);
    const activeSession = session;
    for (const channel of CHANNELS) {
      ipcMain.handle(channel, (event, payload: unknown) => {
        if (!isOwnSender(event.senderFrame, event.sender)) {
          return { ok: false, error: { code: 'forbidden', message: 'Refused: the request did not come from the SyncPlan window.' } };
        }
        return dispatch(handlers, channel, payload, { session: activeSession });
      });
    }

    const openHelp = () => {
      const url = 'https://learn.microsoft.com/en-us/entra/identity/hybrid/cloud-sync/what-is-cloud-sync';
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
    };
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(menuTemplate(process.platform === 'darwin', (command) => emit('menu', { command }), openHelp)),
    );
    // A workshop the app was started with is open before the page asks which one is (workshop.current).
    await openRequests.ready();
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
