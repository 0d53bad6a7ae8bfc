@echo off
rem `syncplan` on the command line of an installed SyncPlan (Windows): the same CLI as `npx syncplan` in a
rem checkout, run by the app's own runtime in Node mode, so no separate Node.js is needed.
setlocal
set ELECTRON_RUN_AS_NODE=1
"%~dp0..\..\SyncPlan.exe" "%~dp0..\app.asar\bin\syncplan.cjs" %*
endlocal
