import { lazy } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { routes as adminRoutes } from './admin/routes';
import { routes as coordinatorRoutes } from './coordinator/routes';
import { routes as mentorRoutes } from './mentor/routes';
import { CataloguePage } from './programs/CataloguePage';
import { routes as sponsorRoutes } from './sponsor/routes';
import { Layout } from './ui/Layout';
import { ErrorPage } from './ui/ErrorPage';
import { NotFoundPage } from './ui/NotFoundPage';

const ProgramPage = lazy(() => import('./programs/ProgramPage'));
const SignUpPage = lazy(() => import('./people/SignUpPage'));
const SignInPage = lazy(() => import('./people/SignInPage'));
const ConsentPage = lazy(() => import('./people/ConsentPage'));
const MePage = lazy(() => import('./enrollment/MePage'));
const CheckInPage = lazy(() => import('./attendance/CheckInPage'));
const InternshipsPage = lazy(() => import('./internships/InternshipsPage'));
const VerifyPage = lazy(() => import('./certificates/VerifyPage'));

export const routes = [
  {
    element: <Layout />,
    errorElement: <ErrorPage />,
    children: [
      { path: '/', element: <CataloguePage /> },
      { path: '/programs/:id', element: <ProgramPage /> },
      { path: '/sign-up', element: <SignUpPage /> },
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/consent/:token', element: <ConsentPage /> },
      { path: '/me', element: <MePage /> },
      { path: '/check-in', element: <CheckInPage /> },
      { path: '/internships', element: <InternshipsPage /> },
      { path: '/certificates/verify/:code', element: <VerifyPage /> },
      ...coordinatorRoutes,
      ...mentorRoutes,
      ...sponsorRoutes,
      ...adminRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

const router = createBrowserRouter(routes);

export function App() {
  return <RouterProvider router={router} />;
}
